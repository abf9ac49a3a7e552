package audit

import (
	"strings"
	"time"

	"github.com/salvehq/salve/internal/awsproto"
)

// Identity types of UserIdentity.Type.
const (
	IdentityRoot        = "Root"
	IdentityIAMUser     = "IAMUser"
	IdentityAssumedRole = "AssumedRole"
)

// identity returns who a caller is, and LookupEvents' Username of it.
// Salve's callers are an account's root (an access key), an IAM user (a
// principal ARN with :user/) or an assumed role (a runbook's
// AutomationAssumeRole: arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION).
func identity(c *awsproto.Caller, at time.Time) (UserIdentity, string) {
	id := UserIdentity{PrincipalID: c.UserID, ARN: c.Principal, AccountID: c.AccountID, AccessKeyID: c.AccessKeyID}
	if c.Principal == "" {
		id.ARN = "arn:aws:iam::" + c.AccountID + ":root"
	}
	switch _, rest, _ := strings.Cut(id.ARN, ":"+c.AccountID+":"); {
	case strings.HasPrefix(rest, "assumed-role/"):
		return assumedRole(id, strings.TrimPrefix(rest, "assumed-role/"), at)
	case strings.HasPrefix(rest, "user/"):
		id.Type = IdentityIAMUser
		id.UserName = rest[strings.LastIndexByte(rest, '/')+1:]
		return id, id.UserName
	}
	id.Type = IdentityRoot
	if id.PrincipalID == "" {
		id.PrincipalID = c.AccountID
	}
	return id, "root"
}

// assumedRole fills in an AssumedRole identity from "ROLE/SESSION".
func assumedRole(id UserIdentity, roleSession string, at time.Time) (UserIdentity, string) {
	role, session, _ := strings.Cut(roleSession, "/")
	roleID, _, _ := strings.Cut(id.PrincipalID, ":")
	id.Type = IdentityAssumedRole
	id.SessionContext = &SessionContext{
		SessionIssuer: SessionIssuer{Type: "Role", PrincipalID: roleID,
			ARN: "arn:" + partition(id.ARN) + ":iam::" + id.AccountID + ":role/" + role, AccountID: id.AccountID, UserName: role},
		Attributes: map[string]string{"creationDate": at.UTC().Format(eventTimeLayout), "mfaAuthenticated": "false"},
	}
	return id, session
}

// partition returns the partition of an ARN ("aws" when it has none).
func partition(arn string) string {
	parts := strings.SplitN(arn, ":", 3)
	if len(parts) < 3 || parts[1] == "" {
		return "aws"
	}
	return parts[1]
}
