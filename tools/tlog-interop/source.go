package main

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// c2spPath turns Go's tile path (tile/8/L/N[.p/W], tile/8/data/N) into C2SP's (tile/L/N,
// tile/entries/N): the index encoding is Go's own.
func c2spPath(t tlog.Tile) string {
	p := t.Path()
	if t.L == -1 {
		return strings.Replace(p, "tile/8/data/", "tile/entries/", 1)
	}
	return strings.Replace(p, "tile/8/", "tile/", 1)
}

type source struct{ base string }

func (s source) read(path string) ([]byte, error) {
	if strings.HasPrefix(s.base, "http://") || strings.HasPrefix(s.base, "https://") {
		base := s.base
		if !strings.HasSuffix(base, "/") {
			base += "/"
		}
		u, err := url.Parse(base)
		if err != nil {
			return nil, err
		}
		ref, _ := url.Parse(path)
		res, err := http.Get(u.ResolveReference(ref).String())
		if err != nil {
			return nil, err
		}
		defer res.Body.Close()
		if res.StatusCode != 200 {
			return nil, fmt.Errorf("GET %s: %s", path, res.Status)
		}
		return io.ReadAll(res.Body)
	}
	return os.ReadFile(filepath.Join(s.base, filepath.FromSlash(path)))
}

// tileReader serves tlog's tile requests from C2SP paths.
type tileReader struct {
	src   source
	paths []string
	cache map[string][]byte
}

func (r *tileReader) Height() int { return height }

func (r *tileReader) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(tiles))
	for i, t := range tiles {
		p := c2spPath(t)
		data, ok := r.cache[p]
		if !ok {
			r.paths = append(r.paths, p)
			var err error
			if data, err = r.src.read(p); err != nil {
				return nil, err
			}
			r.cache[p] = data
		}
		if len(data) != t.W*tlog.HashSize {
			return nil, fmt.Errorf("%s is %d bytes, want %d", p, len(data), t.W*tlog.HashSize)
		}
		out[i] = data
	}
	return out, nil
}

func (r *tileReader) SaveTiles([]tlog.Tile, [][]byte) {}

type checkpoint struct {
	Origin string    `json:"origin"`
	Size   int64     `json:"size"`
	Root   tlog.Hash `json:"-"`
}

// openCheckpoint opens a signed note with note.Open and reads the C2SP checkpoint in its text.
func openCheckpoint(msg []byte, verifier note.Verifier) (checkpoint, []string, error) {
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		return checkpoint{}, nil, err
	}
	var signers []string
	for _, s := range n.Sigs {
		signers = append(signers, s.Name)
	}
	lines := strings.Split(strings.TrimSuffix(n.Text, "\n"), "\n")
	if len(lines) < 3 {
		return checkpoint{}, nil, errors.New("checkpoint has fewer than 3 lines")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return checkpoint{}, nil, fmt.Errorf("bad tree size %q", lines[1])
	}
	raw, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(raw) != tlog.HashSize {
		return checkpoint{}, nil, fmt.Errorf("bad root hash %q", lines[2])
	}
	var root tlog.Hash
	copy(root[:], raw)
	return checkpoint{Origin: lines[0], Size: size, Root: root}, signers, nil
}
