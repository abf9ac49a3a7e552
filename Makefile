# Salve: `make run` starts the server, `make test` runs every test.
GO ?= go

.PHONY: run build test unit e2e fuzz bench vet

run:
	$(GO) run ./cmd/salve serve

build:
	$(GO) build -o bin/salve ./cmd/salve

# test is the one command that runs all tests: vet, the Go suite (API tests
# through aws-sdk-go-v2, the kill -9 crash test) under the race detector, and
# the end-to-end script that drives the real binary with the aws CLI and boto3.
test: vet unit e2e

vet:
	$(GO) vet ./...

unit:
	$(GO) test -race -count=1 ./...

e2e:
	bash e2e/run.sh

# fuzz runs each fuzz target briefly (FUZZTIME=30s make fuzz for longer).
FUZZTIME ?= 10s
fuzz:
	$(GO) test ./internal/awsproto -run '^$$' -fuzz '^FuzzDecodeJSON$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/awsproto -run '^$$' -fuzz '^FuzzRouteTarget$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/awsproto -run '^$$' -fuzz '^FuzzParseAuthorization$$' -fuzztime $(FUZZTIME)

bench:
	bash bench/run.sh
