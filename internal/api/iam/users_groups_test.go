package iam_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
)

func TestUsersAndGroups(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	u, err := e.IAM.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String("ann")})
	require.NoError(t, err)
	require.Regexp(t, regexp.MustCompile(`^AIDA[A-Z0-9]{17}$`), *u.User.UserId)
	require.Equal(t, "arn:aws:iam::123456789012:user/ann", *u.User.Arn)
	g, err := e.IAM.CreateGroup(ctx, &iam.CreateGroupInput{GroupName: aws.String("devs"), Path: aws.String("/eng/")})
	require.NoError(t, err)
	require.Regexp(t, regexp.MustCompile(`^AGPA[A-Z0-9]{17}$`), *g.Group.GroupId)
	require.Equal(t, "arn:aws:iam::123456789012:group/eng/devs", *g.Group.Arn)

	for range 2 { // adding twice is a no-op
		_, err = e.IAM.AddUserToGroup(ctx, &iam.AddUserToGroupInput{GroupName: aws.String("devs"), UserName: aws.String("ann")})
		require.NoError(t, err)
	}
	groups, err := e.IAM.ListGroupsForUser(ctx, &iam.ListGroupsForUserInput{UserName: aws.String("ann")})
	require.NoError(t, err)
	require.Len(t, groups.Groups, 1)
	require.Equal(t, "devs", *groups.Groups[0].GroupName)
	members, err := e.IAM.GetGroup(ctx, &iam.GetGroupInput{GroupName: aws.String("devs")})
	require.NoError(t, err)
	require.Len(t, members.Users, 1)
	require.Equal(t, []any{"devs"}, e.Sink.Last(sandbox.ResourceTypeUser, *u.User.UserId).Configuration["groupList"])

	_, err = e.IAM.DeleteUser(ctx, &iam.DeleteUserInput{UserName: aws.String("ann")})
	requireCode(t, err, "DeleteConflict")
	_, err = e.IAM.DeleteGroup(ctx, &iam.DeleteGroupInput{GroupName: aws.String("devs")})
	requireCode(t, err, "DeleteConflict")
	_, err = e.IAM.RemoveUserFromGroup(ctx, &iam.RemoveUserFromGroupInput{GroupName: aws.String("devs"), UserName: aws.String("ann")})
	require.NoError(t, err)
	_, err = e.IAM.RemoveUserFromGroup(ctx, &iam.RemoveUserFromGroupInput{GroupName: aws.String("devs"), UserName: aws.String("ann")})
	requireCode(t, err, "NoSuchEntity")
	_, err = e.IAM.DeleteGroup(ctx, &iam.DeleteGroupInput{GroupName: aws.String("devs")})
	require.NoError(t, err)
	_, err = e.IAM.DeleteUser(ctx, &iam.DeleteUserInput{UserName: aws.String("ann")})
	require.NoError(t, err)
	require.Equal(t, configitem.StatusResourceDeleted, e.Sink.Last(sandbox.ResourceTypeUser, *u.User.UserId).Status)

	_, err = e.IAM.AddUserToGroup(ctx, &iam.AddUserToGroupInput{GroupName: aws.String("devs"), UserName: aws.String("ann")})
	requireCode(t, err, "NoSuchEntity")
	_, err = e.IAM.GetUser(ctx, &iam.GetUserInput{UserName: aws.String("ann")})
	requireCode(t, err, "NoSuchEntity")
}

func TestUser_TagsAndCaller(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	_, err := e.IAM.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String("bob")})
	require.NoError(t, err)
	_, err = e.IAM.TagUser(ctx, &iam.TagUserInput{UserName: aws.String("bob"), Tags: tags("k", "v")})
	require.NoError(t, err)
	got, err := e.IAM.GetUser(ctx, &iam.GetUserInput{UserName: aws.String("bob")})
	require.NoError(t, err)
	require.Equal(t, tags("k", "v"), got.User.Tags)
	_, err = e.IAM.UntagUser(ctx, &iam.UntagUserInput{UserName: aws.String("bob"), TagKeys: []string{"k"}})
	require.NoError(t, err)
	list, err := e.IAM.ListUserTags(ctx, &iam.ListUserTagsInput{UserName: aws.String("bob")})
	require.NoError(t, err)
	require.Empty(t, list.Tags)

	me, err := e.IAM.GetUser(ctx, &iam.GetUserInput{})
	require.NoError(t, err, "GetUser without a name answers for the caller (the root user)")
	require.Equal(t, "arn:aws:iam::123456789012:root", *me.User.Arn)

	users, err := e.IAM.ListUsers(ctx, &iam.ListUsersInput{})
	require.NoError(t, err)
	require.Len(t, users.Users, 1)
	_, err = e.IAM.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String("BOB")})
	requireCode(t, err, "EntityAlreadyExists")
}
