// Package settings is Salve's own configuration: defaults, then an optional
// JSON config file, then SALVE_* environment variables, then flags — each
// later source overriding the earlier.
package settings

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/salvehq/salve/internal/awsproto"
)

// Settings configure `salve serve`.
type Settings struct {
	Listen       string               `json:"listen"`
	DataDir      string               `json:"data_dir"`
	Auth         string               `json:"auth"`
	Credentials  []awsproto.AccessKey `json:"credentials"`
	MaxBodyBytes int64                `json:"max_body_bytes"`
	LogFormat    string               `json:"log_format"`
	LogLevel     string               `json:"log_level"`
	// AWSEndpoint is a real AWS (or moto/LocalStack) endpoint that runbook
	// steps reach for services Salve does not serve; "" for none.
	AWSEndpoint string `json:"aws_endpoint"`
	// AWSAccessKeyID and AWSSecretAccessKey sign calls to AWSEndpoint.
	AWSAccessKeyID     string `json:"aws_access_key_id"`
	AWSSecretAccessKey string `json:"aws_secret_access_key"`
}

// Defaults returns settings that run out of the box.
func Defaults() Settings {
	return Settings{
		Listen:       "127.0.0.1:4580",
		DataDir:      "./salve-data",
		Auth:         string(awsproto.AuthOff),
		MaxBodyBytes: awsproto.DefaultMaxBodyBytes,
		LogFormat:    "text",
		LogLevel:     "info",
		// moto and LocalStack accept any key; real AWS needs real ones.
		AWSAccessKeyID:     "test",
		AWSSecretAccessKey: "test",
	}
}

// Load resolves settings from args (flags), getenv (environment) and the
// config file named by --config or SALVE_CONFIG.
func Load(args []string, getenv func(string) string) (Settings, error) {
	s := Defaults()
	fs := flag.NewFlagSet("salve serve", flag.ContinueOnError)
	fs.SetOutput(new(strings.Builder))
	configPath := fs.String("config", getenv("SALVE_CONFIG"), "JSON config file")
	listen := fs.String("listen", "", "address to listen on (SALVE_LISTEN; default 127.0.0.1:4580)")
	dataDir := fs.String("data-dir", "", "directory of the embedded store (SALVE_DATA_DIR; default ./salve-data)")
	auth := fs.String("auth", "", "off | sigv4 (SALVE_AUTH; default off)")
	creds := fs.String("credentials", "", "AKID:SECRET:ACCOUNT[,...] (SALVE_CREDENTIALS)")
	maxBody := fs.Int64("max-body-bytes", 0, "largest accepted request body (SALVE_MAX_BODY_BYTES)")
	logFormat := fs.String("log-format", "", "text | json (SALVE_LOG_FORMAT)")
	logLevel := fs.String("log-level", "", "debug | info | warn | error (SALVE_LOG_LEVEL)")
	awsEndpoint := fs.String("aws-endpoint", "", "real endpoint runbooks reach for services Salve does not serve (SALVE_AWS_ENDPOINT)")
	if err := fs.Parse(args); err != nil {
		return s, fmt.Errorf("%w\n%s", err, Usage())
	}
	if fs.NArg() > 0 {
		return s, fmt.Errorf("unexpected argument %q\n%s", fs.Arg(0), Usage())
	}
	if *configPath != "" {
		if err := s.readFile(*configPath); err != nil {
			return s, err
		}
	}
	if err := s.applyEnv(getenv); err != nil {
		return s, err
	}
	flags := map[string]string{"listen": *listen, "data-dir": *dataDir, "auth": *auth, "credentials": *creds,
		"log-format": *logFormat, "log-level": *logLevel, "aws-endpoint": *awsEndpoint}
	if err := s.apply(flags, "--"); err != nil {
		return s, err
	}
	if *maxBody != 0 {
		s.MaxBodyBytes = *maxBody
	}
	return s, s.validate()
}

// Usage describes the serve flags.
func Usage() string {
	return `usage: salve serve [flags]
  --listen ADDR          address to listen on (SALVE_LISTEN, default 127.0.0.1:4580)
  --data-dir DIR         embedded store directory (SALVE_DATA_DIR, default ./salve-data)
  --auth off|sigv4       signature checking (SALVE_AUTH, default off)
  --credentials LIST     AKID:SECRET:ACCOUNT[,...] (SALVE_CREDENTIALS)
  --max-body-bytes N     largest request body (SALVE_MAX_BODY_BYTES, default 16 MiB)
  --log-format text|json (SALVE_LOG_FORMAT)   --log-level LEVEL (SALVE_LOG_LEVEL)
  --aws-endpoint URL     real endpoint (AWS, moto, LocalStack) runbook steps reach for services
                         Salve does not serve (SALVE_AWS_ENDPOINT; keys SALVE_AWS_ACCESS_KEY_ID,
                         SALVE_AWS_SECRET_ACCESS_KEY, default test/test)
  --config FILE          JSON file with the same keys (SALVE_CONFIG)`
}

func (s *Settings) readFile(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read config file: %w", err)
	}
	if err := json.Unmarshal(b, s); err != nil {
		return fmt.Errorf("config file %s: %w", path, err)
	}
	return nil
}

func (s *Settings) applyEnv(getenv func(string) string) error {
	env := map[string]string{}
	for _, name := range []string{"listen", "data-dir", "auth", "credentials", "log-format", "log-level", "max-body-bytes",
		"aws-endpoint", "aws-access-key-id", "aws-secret-access-key"} {
		env[name] = getenv("SALVE_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_")))
	}
	if v := env["max-body-bytes"]; v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return fmt.Errorf("SALVE_MAX_BODY_BYTES=%q is not a number", v)
		}
		s.MaxBodyBytes = n
	}
	delete(env, "max-body-bytes")
	return s.apply(env, "SALVE_")
}

// apply sets every non-empty value; origin names the source in errors.
func (s *Settings) apply(vals map[string]string, origin string) error {
	set := map[string]*string{"listen": &s.Listen, "data-dir": &s.DataDir, "auth": &s.Auth,
		"log-format": &s.LogFormat, "log-level": &s.LogLevel, "aws-endpoint": &s.AWSEndpoint,
		"aws-access-key-id": &s.AWSAccessKeyID, "aws-secret-access-key": &s.AWSSecretAccessKey}
	for name, v := range vals {
		if v == "" {
			continue
		}
		if name == "credentials" {
			creds, err := ParseCredentials(v)
			if err != nil {
				return fmt.Errorf("%scredentials: %w", origin, err)
			}
			s.Credentials = creds
			continue
		}
		*set[name] = v
	}
	return nil
}

// ParseCredentials parses "AKID:SECRET:ACCOUNT[,AKID:SECRET:ACCOUNT...]".
func ParseCredentials(v string) ([]awsproto.AccessKey, error) {
	var out []awsproto.AccessKey
	for _, item := range strings.Split(v, ",") {
		parts := strings.Split(strings.TrimSpace(item), ":")
		if len(parts) != 3 || parts[0] == "" || parts[1] == "" {
			return nil, fmt.Errorf("%q is not AKID:SECRET:ACCOUNT", item)
		}
		if len(parts[2]) != 12 || strings.Trim(parts[2], "0123456789") != "" {
			return nil, fmt.Errorf("account %q of %s is not 12 digits", parts[2], parts[0])
		}
		out = append(out, awsproto.AccessKey{AccessKeyID: parts[0], SecretAccessKey: parts[1], AccountID: parts[2]})
	}
	return out, nil
}

func (s *Settings) validate() error {
	switch awsproto.AuthMode(s.Auth) {
	case awsproto.AuthOff:
	case awsproto.AuthSigV4:
		if len(s.Credentials) == 0 {
			return errors.New("--auth sigv4 needs credentials to verify against: " +
				"set --credentials or SALVE_CREDENTIALS to AKID:SECRET:ACCOUNT")
		}
	default:
		return fmt.Errorf("--auth %q: want off or sigv4", s.Auth)
	}
	if s.MaxBodyBytes <= 0 {
		return fmt.Errorf("max body bytes must be positive, got %d", s.MaxBodyBytes)
	}
	switch s.LogFormat {
	case "text", "json":
	default:
		return fmt.Errorf("--log-format %q: want text or json", s.LogFormat)
	}
	return nil
}
