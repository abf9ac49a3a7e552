// Package automation reads and checks SSM Automation runbooks (documents of
// schemaVersion 0.3). Parse turns JSON or YAML content into a Document whose
// parameters, steps and outputs have been validated the way SSM validates a
// document at CreateDocument time; the interpreter (a later addition to this
// package) runs Documents. Lex and ParseRef recognise {{ … }} references;
// the parser and the value language (package expr) share them.
//
// Every problem is an awserr InvalidDocumentContent whose message starts
// with the path of the offending member, e.g.
//
//	mainSteps[2].onFailure refers to step "X" which does not exist
package automation
