package functions

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// LocalBucket is the Code.S3Bucket that makes S3Key the absolute path of
// a local directory holding the function's code (a Salve extension any
// Lambda client can send: the code is read there at every invocation).
const LocalBucket = "salve-local"

// hotReloadBucket is LocalStack's name for the same thing, accepted too.
const hotReloadBucket = "hot-reload"

// CodeSource is where a function's code comes from (Lambda's
// FunctionCode): exactly one of ZipFile, S3Bucket and S3Key, or ImageURI.
type CodeSource struct {
	ZipFile                          []byte
	S3Bucket, S3Key, S3ObjectVersion string
	ImageURI                         string
}

// code is a function's code, checked.
type code struct {
	// zip is the .zip to store; nil for a directory.
	zip []byte
	// dir is the local directory; "" for a .zip.
	dir  string
	size int64
	sha  string
}

// loadCode checks a code source and returns the code to keep.
func loadCode(src CodeSource) (*code, error) {
	switch {
	case src.ImageURI != "":
		return nil, invalid("Salve runs .zip functions only: container images (PackageType Image) are not supported.")
	case src.ZipFile != nil && src.S3Bucket != "":
		return nil, invalid("Please provide only one source of code: ZipFile, or S3Bucket and S3Key.")
	case src.ZipFile != nil:
		return zipCode(src.ZipFile)
	case src.S3Bucket == LocalBucket || src.S3Bucket == hotReloadBucket:
		return dirCode(src.S3Key)
	case src.S3Bucket != "" || src.S3Key != "":
		return nil, invalid("Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does "+
			"not exist. (Salve's S3 keeps no objects: upload the code as ZipFile, or name a local directory with "+
			"S3Bucket %q and S3Key its absolute path.)", LocalBucket)
	}
	return nil, invalid("Please provide a source for function code.")
}

// zipCode checks a .zip: its size, that it unzips, its unzipped size.
func zipCode(b []byte) (*code, error) {
	if len(b) > MaxZipSize {
		return nil, Errf(CodeRequestEntityTooLarge, "Zipped size must be smaller than %d bytes", MaxZipSize)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, invalid("Could not unzip uploaded file. Please check your file, then try to upload again.")
	}
	var unzipped uint64
	for _, f := range zr.File {
		unzipped += f.UncompressedSize64
	}
	if unzipped >= MaxUnzippedSize {
		return nil, invalid("Unzipped size must be smaller than %d bytes", MaxUnzippedSize)
	}
	sum := sha256.Sum256(b)
	return &code{zip: b, size: int64(len(b)), sha: base64.StdEncoding.EncodeToString(sum[:])}, nil
}

// dirCode checks a local directory: absolute, present, a directory.
func dirCode(dir string) (*code, error) {
	if !filepath.IsAbs(dir) {
		return nil, invalid("With S3Bucket %q, S3Key must be the absolute path of the directory holding the code, not %q.",
			LocalBucket, dir)
	}
	dir = filepath.Clean(dir)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, invalid("The code directory %s cannot be read as a directory: %v", dir, statErr(st, err))
	}
	sum := sha256.Sum256([]byte(LocalBucket + ":" + dir))
	return &code{dir: dir, size: dirSize(dir), sha: base64.StdEncoding.EncodeToString(sum[:])}, nil
}

// statErr describes why a path is not a directory.
func statErr(st fs.FileInfo, err error) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("%s is a %s", st.Name(), st.Mode().Type())
}

// dirSize is the total size of the regular files under dir (best effort).
func dirSize(dir string) int64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// unpack writes a .zip's files into dir. Entries that would land outside
// dir and symbolic links are skipped; the file named bootstrap is made
// executable (provided runtimes run it).
func unpack(b []byte, dir string) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return fmt.Errorf("unzip the function's code: %w", err)
	}
	budget := int64(MaxUnzippedSize)
	for _, f := range zr.File {
		if !filepath.IsLocal(f.Name) || f.Mode()&fs.ModeSymlink != 0 {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if f.FileInfo().IsDir() {
			if err := os.MkdirAll(path, 0o755); err != nil {
				return err
			}
			continue
		}
		n, err := unpackFile(f, path, budget)
		if err != nil {
			return fmt.Errorf("unzip %s: %w", f.Name, err)
		}
		budget -= n
	}
	return nil
}

// unpackFile writes one file, at most budget bytes.
func unpackFile(f *zip.File, path string, budget int64) (int64, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, err
	}
	mode := f.Mode().Perm() | 0o600
	if mode&0o077 == 0 {
		mode |= 0o044
	}
	if filepath.Base(path) == "bootstrap" {
		mode |= 0o755
	}
	rc, err := f.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	out, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, io.LimitReader(rc, budget+1))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > budget {
		err = fmt.Errorf("the code unzips to more than %d bytes", MaxUnzippedSize)
	}
	return n, err
}
