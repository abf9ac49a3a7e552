// Package ec2 serves Salve's EC2 sandbox in the EC2 flavour of the AWS
// Query protocol: one file per operation — decode the form, validate,
// call the domain (internal/sandbox/ec2), encode the answer with the
// model's lowerCamel element names and <xxxSet><item> lists.
//
// Requests are decoded by one reflective decoder (decode.go) driven by
// `ec2:"Name"` struct tags that carry the model's serialized names, so
// lists arrive as Name.N (GroupId.1, IpPermissions.1.IpRanges.1.CidrIp).
// A parameter the operation does not know is refused with
// UnknownParameter, as EC2 does.
package ec2
