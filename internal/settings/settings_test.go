package settings

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/awsproto"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoad_Precedence(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "salve.json")
	require.NoError(t, os.WriteFile(file, []byte(`{"listen":"127.0.0.1:1","data_dir":"/from-file","log_format":"json"}`), 0o600))

	cases := []struct {
		name                    string
		args                    []string
		env                     map[string]string
		listen, dataDir, format string
	}{
		{"Defaults", nil, nil, "127.0.0.1:4580", "./salve-data", "text"},
		{"File", []string{"--config", file}, nil, "127.0.0.1:1", "/from-file", "json"},
		{"EnvOverFile", []string{"--config", file}, map[string]string{"SALVE_LISTEN": "127.0.0.1:2"}, "127.0.0.1:2", "/from-file", "json"},
		{"FlagOverEnv", []string{"--config", file, "--listen", "127.0.0.1:3"}, map[string]string{"SALVE_LISTEN": "127.0.0.1:2"}, "127.0.0.1:3", "/from-file", "json"},
		{"ConfigFromEnv", nil, map[string]string{"SALVE_CONFIG": file, "SALVE_DATA_DIR": "/env"}, "127.0.0.1:1", "/env", "json"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, err := Load(tc.args, envOf(tc.env))
			require.NoError(t, err)
			require.Equal(t, tc.listen, s.Listen)
			require.Equal(t, tc.dataDir, s.DataDir)
			require.Equal(t, tc.format, s.LogFormat)
		})
	}
}

func TestLoad_Credentials(t *testing.T) {
	t.Parallel()
	s, err := Load([]string{"--auth", "sigv4", "--credentials", "AKID1:s1:111122223333, AKID2:s2:444455556666"}, envOf(nil))
	require.NoError(t, err)
	require.Equal(t, []awsproto.AccessKey{
		{AccessKeyID: "AKID1", SecretAccessKey: "s1", AccountID: "111122223333"},
		{AccessKeyID: "AKID2", SecretAccessKey: "s2", AccountID: "444455556666"},
	}, s.Credentials)
}

func TestLoad_Errors(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		args []string
		env  map[string]string
		want string
	}{
		"SigV4WithoutCredentials": {[]string{"--auth", "sigv4"}, nil, "needs credentials"},
		"UnknownAuth":             {[]string{"--auth", "maybe"}, nil, "want off or sigv4"},
		"BadCredentials":          {[]string{"--credentials", "AKID:secret"}, nil, "AKID:SECRET:ACCOUNT"},
		"ShortAccount":            {[]string{"--credentials", "AKID:secret:123"}, nil, "not 12 digits"},
		"BadMaxBody":              {nil, map[string]string{"SALVE_MAX_BODY_BYTES": "lots"}, "not a number"},
		"UnknownFlag":             {[]string{"--nope"}, nil, "usage: salve serve"},
		"StrayArgument":           {[]string{"extra"}, nil, `unexpected argument "extra"`},
		"MissingConfigFile":       {[]string{"--config", "/does/not/exist.json"}, nil, "read config file"},
		"BadLogFormat":            {[]string{"--log-format", "xml"}, nil, "want text or json"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(tc.args, envOf(tc.env))
			require.ErrorContains(t, err, tc.want)
		})
	}
}
