// Package awsproto is Salve's wire layer: it routes a request to an
// operation by protocol (JSON 1.1 by X-Amz-Target, Query by the SigV4 scope's
// service), authenticates it (SigV4 parsing and, in sigv4 mode, signature
// verification), decodes and encodes members exactly as modelled, and renders
// every error in AWS's shape. It holds no business rules.
package awsproto
