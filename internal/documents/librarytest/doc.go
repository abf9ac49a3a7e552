// Package librarytest runs every Amazon runbook of Salve's library
// (internal/documents/library) through StartAutomationExecution against a
// real AWS caller, a moto_server, and checks what each runbook did to the
// resources in moto. It also runs the AWS-published runbooks of the corpus
// (../shared/runbooks) whose calls moto or Salve serve, created under
// "Corpus-" names. Each run's normalised step trace is compared with
// testdata/<runbook>.golden or testdata/corpus/<runbook>.golden
// (go test ./internal/documents/librarytest -update rewrites them). The
// tests skip when moto_server is not on PATH.
package librarytest
