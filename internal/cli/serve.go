package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/salvehq/salve/internal/awscall"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/server"
	"github.com/salvehq/salve/internal/settings"
	"github.com/salvehq/salve/internal/store/sqlite"
)

// shutdownGrace bounds how long in-flight requests may take after a signal.
const shutdownGrace = 10 * time.Second

// Serve runs the server until ctx is done or SIGINT/SIGTERM arrives.
func Serve(ctx context.Context, args []string, env Env) error {
	if len(args) == 1 && (args[0] == "--help" || args[0] == "-h") {
		fmt.Fprintln(env.Stdout, settings.Usage())
		return nil
	}
	cfg, err := settings.Load(args, env.Getenv)
	if err != nil {
		return err
	}
	logger, err := newLogger(cfg, env)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, cfg, logger)
}

func run(ctx context.Context, cfg settings.Settings, logger *slog.Logger) error {
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return fmt.Errorf("create data dir: %w", err)
	}
	st, err := sqlite.Open(ctx, sqlite.OpenParams{Path: filepath.Join(cfg.DataDir, "salve.db"),
		Logger: logger})
	if err != nil {
		return fmt.Errorf("open store in %s: %w", cfg.DataDir, err)
	}
	defer st.Close()
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Listen, err)
	}
	endpoint := "http://" + ln.Addr().String()
	s, err := server.New(server.Params{Store: st, Clock: clock.Real{}, Logger: logger,
		AuthMode: awsproto.AuthMode(cfg.Auth), Credentials: cfg.Credentials, MaxBodyBytes: cfg.MaxBodyBytes,
		Endpoint: endpoint, AWSRemote: remoteConfig(cfg)})
	if err != nil {
		ln.Close()
		return err
	}
	if cfg.Auth == string(awsproto.AuthOff) {
		logger.Warn("signature checking is off: any access key is accepted (use --auth sigv4 to verify)")
	}
	logger.Info("salve listening", "addr", ln.Addr().String(), "data_dir", cfg.DataDir,
		"endpoint", endpoint, "aws_endpoint", cfg.AWSEndpoint, "version", Version)
	if s.Discovery != nil {
		logger.Info("recording the resources of the AWS endpoint for the managed rules", "aws_endpoint", cfg.AWSEndpoint)
	}
	srv := &http.Server{Handler: s.Handler, ReadHeaderTimeout: 30 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	// Runbook executions advance in the background until shutdown; an
	// interrupted one is recovered by the next start.
	bctx, stopBackground := context.WithCancel(ctx)
	defer stopBackground()
	backgroundDone := make(chan error, 1)
	go func() { backgroundDone <- s.Run(bctx) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	stopBackground()
	if err := <-backgroundDone; err != nil {
		logger.Error("background work stopped with an error", "err", err)
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := st.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	logger.Info("stopped cleanly")
	return nil
}

// remoteConfig is the real endpoint runbook steps reach for the services
// Salve does not serve, or nil when none is configured.
func remoteConfig(cfg settings.Settings) *awscall.RemoteConfig {
	if cfg.AWSEndpoint == "" {
		return nil
	}
	return &awscall.RemoteConfig{Endpoint: cfg.AWSEndpoint,
		AccessKeyID: cfg.AWSAccessKeyID, SecretAccessKey: cfg.AWSSecretAccessKey}
}

func newLogger(cfg settings.Settings, env Env) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(strings.ToUpper(cfg.LogLevel))); err != nil {
		return nil, fmt.Errorf("--log-level %q: want debug, info, warn or error", cfg.LogLevel)
	}
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(env.Stderr, opts)), nil
	}
	return slog.New(slog.NewTextHandler(env.Stderr, opts)), nil
}
