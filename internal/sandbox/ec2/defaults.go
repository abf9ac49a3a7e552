package ec2

import (
	"fmt"
	"strings"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/configitem"
)

// defaultVPCCIDR is the range of every default VPC.
const defaultVPCCIDR = "172.31.0.0/16"

// Zones returns the availability zones Salve emulates in a region: six in
// us-east-1, three elsewhere (a, b, c).
func Zones(region string) []string {
	letters := "abc"
	if region == "us-east-1" {
		letters = "abcdef"
	}
	out := make([]string, 0, len(letters))
	for _, l := range letters {
		out = append(out, region+string(l))
	}
	return out
}

// zoneID returns the zone id AWS pairs with a zone name (use1-az1, …).
func zoneID(region, zone string) string {
	return fmt.Sprintf("%s-az%d", regionShort(region), int(zone[len(zone)-1]-'a')+1)
}

// regionShort abbreviates a region the way zone ids do: us-east-1 → use1.
func regionShort(region string) string {
	var b strings.Builder
	for i, part := range strings.Split(region, "-") {
		if i == 0 || part == "" || (part[0] >= '0' && part[0] <= '9') {
			b.WriteString(part)
		} else {
			b.WriteByte(part[0])
		}
	}
	return b.String()
}

// validZone reports whether zone is one of the region's zones.
func validZone(region, zone string) bool {
	for _, z := range Zones(region) {
		if z == zone {
			return true
		}
	}
	return false
}

// ensureDefaults makes the scope's default VPC, its default security group
// and one default subnet per zone, once per scope.
func (t *txn) ensureDefaults() error {
	st, err := t.settings()
	if err != nil || st.DefaultsCreated {
		return err
	}
	st.DefaultsCreated = true
	st.DHCPOptionsID = NewID("dopt")
	if err := t.putSettings(st); err != nil {
		return err
	}
	vpc, err := t.createVPC(defaultVPCCIDR, "default", true, nil)
	if err != nil {
		return err
	}
	st.DefaultVPCID = vpc.ID
	if err := t.putSettings(st); err != nil {
		return err
	}
	return t.createDefaultSubnets(vpc)
}

// createDefaultSubnets makes a /20 per zone, public addresses on.
func (t *txn) createDefaultSubnets(vpc *VPC) error {
	for i, zone := range Zones(t.scope.Region) {
		cidr := fmt.Sprintf("172.31.%d.0/20", i*16)
		sn := t.newSubnet(vpc.ID, cidr, zone, nil)
		sn.MapPublicIPOnLaunch, sn.DefaultForAZ = true, true
		if err := t.putSubnet(sn, configitem.StatusResourceDiscovered); err != nil {
			return err
		}
	}
	return nil
}

// defaultVPC returns the scope's default VPC, or nil when it was deleted.
func (t *txn) defaultVPC() (*VPC, error) {
	st, err := t.settings()
	if err != nil || st.DefaultVPCID == "" {
		return nil, err
	}
	v, err := get[VPC](t, kindVPC, st.DefaultVPCID)
	if awserr.Is(err, kindVPC.notFound) {
		return nil, nil // deleted: the scope has no default VPC
	}
	return v, err
}
