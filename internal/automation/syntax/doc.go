// Package syntax reads SSM document content written in JSON or YAML into
// one order-preserving tree (a yaml.Node) and writes such a tree back in
// either format. Keeping key order matters: AWS lists a document's
// parameters in the order the author wrote them, and GetDocument's format
// conversion must not shuffle a runbook.
package syntax
