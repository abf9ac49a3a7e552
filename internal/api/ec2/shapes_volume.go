package ec2

import (
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

// volumeXML is a Volume; CreateVolume answers its members at the top.
type volumeXML struct {
	VolumeID         string             `xml:"volumeId"`
	Size             int32              `xml:"size"`
	SnapshotID       string             `xml:"snapshotId"`
	AvailabilityZone string             `xml:"availabilityZone"`
	State            string             `xml:"status"`
	CreateTime       string             `xml:"createTime"`
	Attachments      set[attachmentXML] `xml:"attachmentSet"`
	VolumeType       string             `xml:"volumeType"`
	IOPS             int32              `xml:"iops,omitempty"`
	Throughput       int32              `xml:"throughput,omitempty"`
	Encrypted        bool               `xml:"encrypted"`
	KMSKeyID         string             `xml:"kmsKeyId,omitempty"`
	MultiAttach      bool               `xml:"multiAttachEnabled"`
	Tags             *set[tagXML]       `xml:"tagSet,omitempty"`
}

// attachmentXML is a VolumeAttachment; Attach and Detach answer its
// members at the top.
type attachmentXML struct {
	VolumeID            string `xml:"volumeId"`
	InstanceID          string `xml:"instanceId"`
	Device              string `xml:"device"`
	State               string `xml:"status"`
	AttachTime          string `xml:"attachTime"`
	DeleteOnTermination bool   `xml:"deleteOnTermination"`
}

func volumeOut(v *sandbox.Volume) volumeXML {
	out := volumeXML{VolumeID: v.ID, Size: v.Size, SnapshotID: v.SnapshotID, AvailabilityZone: v.AvailabilityZone,
		State: v.State, CreateTime: isoTime(v.Created), VolumeType: v.VolumeType, IOPS: v.IOPS, Throughput: v.Throughput,
		Encrypted: v.Encrypted, KMSKeyID: v.KMSKeyID, MultiAttach: v.MultiAttach, Tags: tagSet(v.Tags)}
	if a := v.Attachment; a != nil {
		out.Attachments = setOf([]attachmentXML{attachmentOut(sandbox.VolumeAttachment{Attachment: *a,
			VolumeID: v.ID, State: "attached"})})
	}
	return out
}

func attachmentOut(a sandbox.VolumeAttachment) attachmentXML {
	return attachmentXML{VolumeID: a.VolumeID, InstanceID: a.InstanceID, Device: a.Device, State: a.State,
		AttachTime: isoTime(a.AttachTime), DeleteOnTermination: a.DeleteOnTermination}
}
