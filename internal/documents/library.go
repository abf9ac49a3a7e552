package documents

// libraryDocument returns the library document of that name, if any.
func libraryDocument(name string) (*Document, bool) {
	return nil, false
}

// selectLibrary applies a selector to a library document (all version 1).
func selectLibrary(d *Document, sel Selector) (*Document, error) {
	switch sel.Version {
	case "", VersionDefault, VersionLatest, "1":
	default:
		return nil, errNoVersion()
	}
	if sel.VersionName != "" && sel.VersionName != d.VersionName {
		return nil, errNoVersion()
	}
	c := *d
	return &c, nil
}
