package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DescribeAvailabilityZones", func(a *api) awsproto.QueryHandler {
	return handler(a.describeAvailabilityZones)
})

type describeAvailabilityZonesInput struct {
	common
	ZoneNames []string   `ec2:"ZoneName"`
	ZoneIDs   []string   `ec2:"ZoneId"`
	Filters   []filterIn `ec2:"Filter"`
	_         struct{}   `ignore:"AllAvailabilityZones"`
}

type zoneXML struct {
	State              string        `xml:"zoneState"`
	OptInStatus        string        `xml:"optInStatus"`
	Messages           set[struct{}] `xml:"messageSet"`
	RegionName         string        `xml:"regionName"`
	ZoneName           string        `xml:"zoneName"`
	ZoneID             string        `xml:"zoneId"`
	GroupName          string        `xml:"groupName"`
	NetworkBorderGroup string        `xml:"networkBorderGroup"`
	ZoneType           string        `xml:"zoneType"`
}

type describeAvailabilityZonesOutput struct {
	Zones set[zoneXML] `xml:"availabilityZoneInfo"`
}

func (a *api) describeAvailabilityZones(ctx context.Context, in *describeAvailabilityZonesInput) (any, error) {
	zones, err := a.EC2.DescribeAvailabilityZones(scope(ctx), in.ZoneNames, in.ZoneIDs, filters(in.Filters))
	if err != nil {
		return nil, err
	}
	return describeAvailabilityZonesOutput{Zones: mapSet(zones, func(z sandbox.Zone) zoneXML {
		return zoneXML{State: "available", OptInStatus: "opt-in-not-required", RegionName: z.Region, ZoneName: z.Name,
			ZoneID: z.ID, GroupName: z.Region, NetworkBorderGroup: z.Region, ZoneType: "availability-zone"}
	})}, nil
}
