package sns

import (
	"context"
	"net/url"
)

var _ = register("ListTopics", (*api).listTopics)

type topicXML struct {
	TopicArn string `xml:"TopicArn"`
}

type listTopicsResult struct {
	Topics    members[topicXML] `xml:"Topics"`
	NextToken string            `xml:"NextToken,omitempty"`
}

func (a *api) listTopics(ctx context.Context, form url.Values) (any, error) {
	l, err := a.SNS.ListTopics(ctx, scope(ctx), form.Get("NextToken"))
	if err != nil {
		return nil, err
	}
	out := listTopicsResult{NextToken: l.NextToken, Topics: members[topicXML]{Member: []topicXML{}}}
	for _, arn := range l.Items {
		out.Topics.Member = append(out.Topics.Member, topicXML{arn})
	}
	return out, nil
}
