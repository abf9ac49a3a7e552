package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	ctdomain "github.com/salvehq/salve/internal/sandbox/cloudtrail"
)

var _ = register("ListTags", func(a *api) awsproto.Handler { return awsproto.JSON(a.listTags) })

type listTagsInput struct {
	ResourceIDList []string `json:"ResourceIdList"`
	NextToken      *string  `json:"NextToken"`
}

type listTagsOutput struct {
	ResourceTagList []resourceTagShape `json:"ResourceTagList"`
}

// resourceTagShape is the ResourceTag shape.
type resourceTagShape struct {
	ResourceID string     `json:"ResourceId"`
	TagsList   []tagShape `json:"TagsList"`
}

func (a *api) listTags(ctx context.Context, in *listTagsInput) (*listTagsOutput, error) {
	if len(in.ResourceIDList) == 0 {
		return nil, ctdomain.InvalidParameter("ResourceIdList is required: give 1 to 20 ARNs.")
	}
	res, err := a.Trails.ListTags(ctx, scope(ctx), in.ResourceIDList)
	if err != nil {
		return nil, err
	}
	out := &listTagsOutput{ResourceTagList: make([]resourceTagShape, 0, len(res))}
	for _, r := range res {
		out.ResourceTagList = append(out.ResourceTagList, resourceTagShape{ResourceID: r.ResourceID, TagsList: tagsOut(r.Tags)})
	}
	return out, nil
}
