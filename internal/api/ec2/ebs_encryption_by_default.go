package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

// The account's EBS encryption default: three one-line operations kept
// together.

var (
	_ = register("GetEbsEncryptionByDefault", func(a *api) awsproto.QueryHandler {
		return handler(a.getEbsEncryptionByDefault)
	})
	_ = register("EnableEbsEncryptionByDefault", func(a *api) awsproto.QueryHandler {
		return handler(func(ctx context.Context, _ *ebsEncryptionInput) (any, error) { return a.setEbsEncryption(ctx, true) })
	})
	_ = register("DisableEbsEncryptionByDefault", func(a *api) awsproto.QueryHandler {
		return handler(func(ctx context.Context, _ *ebsEncryptionInput) (any, error) { return a.setEbsEncryption(ctx, false) })
	})
)

type ebsEncryptionInput struct {
	common
}

type getEbsEncryptionOutput struct {
	On      bool   `xml:"ebsEncryptionByDefault"`
	SSEType string `xml:"sseType"`
}

type setEbsEncryptionOutput struct {
	On bool `xml:"ebsEncryptionByDefault"`
}

func (a *api) getEbsEncryptionByDefault(ctx context.Context, _ *ebsEncryptionInput) (any, error) {
	on, err := a.EC2.EBSEncryptionByDefault(ctx, scope(ctx))
	if err != nil {
		return nil, err
	}
	return getEbsEncryptionOutput{On: on, SSEType: "sse-ebs"}, nil
}

func (a *api) setEbsEncryption(ctx context.Context, on bool) (any, error) {
	if err := a.EC2.SetEBSEncryptionByDefault(ctx, scope(ctx), on); err != nil {
		return nil, err
	}
	return setEbsEncryptionOutput{On: on}, nil
}
