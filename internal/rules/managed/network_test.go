package managed

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCoversAll(t *testing.T) {
	t.Parallel()
	for cidr, want := range map[string]bool{
		"0.0.0.0/0":     true,
		"::/0":          true,
		" 0.0.0.0/0 ":   true,
		"10.0.0.0/0":    true, // a /0 covers everything whatever its base
		"0.0.0.0/1":     false,
		"10.0.0.0/8":    false,
		"2001:db8::/32": false,
		"not-a-cidr":    false,
		"":              false,
	} {
		require.Equal(t, want, coversAll(cidr), cidr)
	}
}

func TestIPPermissions(t *testing.T) {
	t.Parallel()
	perms := ipPermissions([]any{
		map[string]any{"ipProtocol": "tcp", "fromPort": float64(20), "toPort": float64(25),
			"ipv4Ranges": []any{map[string]any{"cidrIp": "10.0.0.0/8"}}, "ipRanges": []any{"10.0.0.0/8"},
			"ipv6Ranges": []any{map[string]any{"cidrIpv6": "::/0"}}},
		map[string]any{"ipProtocol": "-1", "ipRanges": []any{"0.0.0.0/0"}},
		map[string]any{"ipProtocol": "6", "fromPort": 22, "toPort": 22, "ipRanges": []any{map[string]any{"cidrIp": "0.0.0.0/0"}}},
		map[string]any{"ipProtocol": "udp", "fromPort": 22, "toPort": 22, "ipRanges": []any{"0.0.0.0/0"}},
		map[string]any{"ipProtocol": "tcp", "fromPort": -1, "toPort": -1, "ipRanges": []any{"0.0.0.0/0"}},
	})
	require.Len(t, perms, 5)
	require.Equal(t, []string{"10.0.0.0/8"}, perms[0].V4, "ipv4Ranges wins over its ipRanges copy")
	require.True(t, perms[0].opensTCP(22))
	require.False(t, perms[0].opensTCP(26))
	require.False(t, perms[0].opensTCP(19))
	cidr, ok := perms[0].worldSource()
	require.True(t, ok)
	require.Equal(t, "::/0", cidr)
	require.True(t, perms[1].AllPorts)
	require.True(t, perms[1].opensTCP(3389), "protocol -1 is all traffic")
	require.True(t, perms[2].opensTCP(22), "protocol number 6 is TCP")
	_, ok = perms[2].worldSource()
	require.True(t, ok, "ipRanges objects are read too")
	require.False(t, perms[3].opensTCP(22), "UDP does not open a TCP port")
	require.True(t, perms[4].opensTCP(8080), "ports -1/-1 mean all ports")
	require.Empty(t, ipPermissions(nil))
}
