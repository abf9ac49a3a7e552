package sns

import (
	"context"
	"net/url"

	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
)

var _ = register("CreateTopic", (*api).createTopic)

type topicArnResult struct {
	TopicArn string `xml:"TopicArn"`
}

func (a *api) createTopic(ctx context.Context, form url.Values) (any, error) {
	in := newInput(form)
	p := sandbox.CreateTopicParams{Name: in.required("Name"), Attributes: in.Map("Attributes"), Tags: in.tags("Tags")}
	if dpp := in.Str("DataProtectionPolicy"); dpp != nil && *dpp != "" {
		in.Errors.Add("dataProtectionPolicy", *dpp, "Salve does not support data protection policies")
	}
	if err := in.err(); err != nil {
		return nil, err
	}
	top, err := a.SNS.CreateTopic(ctx, scope(ctx), p)
	if err != nil {
		return nil, err
	}
	return topicArnResult{TopicArn: top.ARN}, nil
}
