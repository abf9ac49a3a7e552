// Package selector evaluates the JSONPath expressions SSM Automation runbooks
// use to read API responses: the Selector of a step output (section 4.4 of
// the runbook reference) and the PropertySelector of
// aws:assertAwsResourceProperty and aws:waitForAwsResourceProperty.
//
// Compile parses an expression once; Select applies it to a decoded JSON
// value (the boto3-shaped response of aws:executeAwsApi, or the Payload of
// aws:executeScript). The supported syntax is the subset of RFC 9535 that
// runbooks use, plus the leniencies AWS accepts:
//
//	$                      the whole document
//	$.a.b  a.b  .a         members (the leading "$." may be left out)
//	$['a b']  $["a"]       quoted members
//	$.a[0]  $.a[-1]        list indexes, negative from the end
//	$.a[*]  $.a.*          every element or member value
//	$..name  $..[0]        deep scan: the node and all its descendants
//	$.a[1:3]  $.a[::-1]    slices
//	$.a[0,2]  $['x','y']   unions
//	$.a[?(@.K == 'v')]     filters: == != < <= > >=, &&, ||, !, and @.K alone
//	                       as an existence test; operands are @ or $ paths,
//	                       'strings', "strings", numbers, true, false, null
//
// A selection that matches nothing is not an error: Select reports
// found=false, and the caller leaves the output unset, as AWS does. A path
// made only of members and single indexes is Definite and selects at most one
// value; any wildcard, deep scan, slice, union or filter makes a list.
//
// Convert turns a selection into an output of a declared Type, following the
// conversions the Automation user guide lists ("Using action outputs as
// inputs"). PythonString and MatchesDesired implement the comparison of
// aws:assertAwsResourceProperty, which compares the str() Python would print
// for the selected value with the DesiredValues.
//
// Go maps do not keep the member order of the response, so wildcards and
// deep scans visit map members in sorted key order; list order is kept.
package selector
