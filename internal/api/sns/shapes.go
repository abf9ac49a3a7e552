package sns

import "sort"

// entryXML is one entry of an attribute map.
type entryXML struct {
	Key   string `xml:"key"`
	Value string `xml:"value"`
}

// mapXML renders a string map as <entry><key/><value/></entry>…, by key.
type mapXML struct {
	Entry []entryXML `xml:"entry"`
}

func mapOf(m map[string]string) mapXML {
	out := mapXML{Entry: make([]entryXML, 0, len(m))}
	for k, v := range m {
		out.Entry = append(out.Entry, entryXML{k, v})
	}
	sort.Slice(out.Entry, func(i, j int) bool { return out.Entry[i].Key < out.Entry[j].Key })
	return out
}

// members is a Query list, present even when empty.
type members[T any] struct {
	Member []T `xml:"member"`
}

type tagXML struct {
	Key   string `xml:"Key"`
	Value string `xml:"Value"`
}
