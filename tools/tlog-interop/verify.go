package main

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func decodeBundle(data []byte) ([][]byte, error) {
	var entries [][]byte
	for len(data) > 0 {
		if len(data) < 2 {
			return nil, errors.New("truncated entry bundle")
		}
		n := int(binary.BigEndian.Uint16(data))
		if len(data) < 2+n {
			return nil, errors.New("truncated entry bundle")
		}
		entries = append(entries, data[2:2+n])
		data = data[2+n:]
	}
	return entries, nil
}

type record struct {
	Index     int64    `json:"index"`
	Entry     string   `json:"entry"`
	Inclusion []string `json:"inclusion"`
	OK        bool     `json:"ok"`
	Error     string   `json:"error,omitempty"`
}

type report struct {
	OK          bool        `json:"ok"`
	Origin      string      `json:"origin"`
	Size        int64       `json:"size"`
	Root        string      `json:"root"`
	Signers     []string    `json:"signers"`
	TreeHash    bool        `json:"treeHash"`
	Checked     int64       `json:"checked"`
	Records     []record    `json:"records"`
	Consistency interface{} `json:"consistency,omitempty"`
	Witnesses   []cosig     `json:"witnesses,omitempty"`
	TilesRead   []string    `json:"tilesRead"`
	Error       string      `json:"error,omitempty"`
}

type indexList []int64

func (l *indexList) String() string { return fmt.Sprint(*l) }
func (l *indexList) Set(s string) error {
	n, err := strconv.ParseInt(s, 10, 64)
	*l = append(*l, n)
	return err
}

func encodeProof(p []tlog.Hash) []string {
	out := []string{}
	for _, h := range p {
		out = append(out, base64.StdEncoding.EncodeToString(h[:]))
	}
	return out
}

func verify(args []string) {
	fs := flag.NewFlagSet("verify", flag.ExitOnError)
	logDir := fs.String("log", "", "directory or URL prefix of the log")
	vkey := fs.String("vkey", "", "the log's note verifier key")
	all := fs.Bool("all", false, "check every record")
	older := fs.String("older", "", "an older signed checkpoint to prove consistency with")
	var indexes indexList
	fs.Var(&indexes, "index", "a record index to prove and check (repeatable)")
	var witnesses stringList
	fs.Var(&witnesses, "witness", "a witness cosignature verifier key (repeatable)")
	fs.Parse(args)

	rep := report{Records: []record{}}
	finish := func(err error) {
		if err != nil {
			rep.Error = err.Error()
			rep.OK = false
		}
		out, _ := json.MarshalIndent(rep, "", "  ")
		fmt.Println(string(out))
		if !rep.OK {
			os.Exit(1)
		}
		os.Exit(0)
	}

	verifier, err := note.NewVerifier(*vkey)
	if err != nil {
		finish(fmt.Errorf("vkey: %v", err))
	}
	src := source{*logDir}
	msg, err := src.read("checkpoint")
	if err != nil {
		finish(err)
	}
	cp, signers, err := openCheckpoint(msg, verifier)
	if err != nil {
		finish(fmt.Errorf("checkpoint: %v", err))
	}
	rep.Origin, rep.Size, rep.Signers = cp.Origin, cp.Size, signers
	rep.Root = base64.StdEncoding.EncodeToString(cp.Root[:])

	reader := &tileReader{src: src, cache: map[string][]byte{}}
	thr := tlog.TileHashReader(tlog.Tree{N: cp.Size, Hash: cp.Root}, reader)
	defer func() { rep.TilesRead = reader.paths }()
	if cp.Size > 0 {
		th, err := tlog.TreeHash(cp.Size, thr)
		if err != nil {
			rep.TilesRead = reader.paths
			finish(fmt.Errorf("tree hash: %v", err))
		}
		rep.TreeHash = th == cp.Root
	} else {
		rep.TreeHash = true
	}
	rep.OK = rep.TreeHash

	if *all {
		indexes = nil
		for i := int64(0); i < cp.Size; i++ {
			indexes = append(indexes, i)
		}
	}
	bundles := map[int64][][]byte{}
	for _, i := range indexes {
		rec := record{Index: i, Inclusion: []string{}}
		err := func() error {
			if i < 0 || i >= cp.Size {
				return fmt.Errorf("record %d is not in a tree of %d", i, cp.Size)
			}
			n := i / (1 << height)
			entries, ok := bundles[n]
			if !ok {
				w := cp.Size - n<<height
				if w > 1<<height {
					w = 1 << height
				}
				data, err := src.read(c2spPath(tlog.Tile{H: height, L: -1, N: n, W: int(w)}))
				if err != nil {
					return err
				}
				if entries, err = decodeBundle(data); err != nil {
					return err
				}
				if int64(len(entries)) != w {
					return fmt.Errorf("entry bundle %d has %d entries, want %d", n, len(entries), w)
				}
				bundles[n] = entries
			}
			entry := entries[i-n<<height]
			rec.Entry = string(entry)
			p, err := tlog.ProveRecord(cp.Size, i, thr)
			if err != nil {
				return err
			}
			rec.Inclusion = encodeProof(p)
			return tlog.CheckRecord(p, cp.Size, cp.Root, i, tlog.RecordHash(entry))
		}()
		rec.OK = err == nil
		rep.Checked++
		if err != nil {
			rec.Error = err.Error()
			rep.OK = false
		}
		// With -all, only failures are listed (a full listing would be megabytes of proofs).
		if !*all || err != nil {
			rep.Records = append(rep.Records, rec)
		}
	}

	if *older != "" {
		type consistency struct {
			OldSize int64    `json:"oldSize"`
			Proof   []string `json:"proof"`
			OK      bool     `json:"ok"`
			Error   string   `json:"error,omitempty"`
		}
		c := consistency{Proof: []string{}}
		err := func() error {
			msg, err := os.ReadFile(*older)
			if err != nil {
				return err
			}
			old, _, err := openCheckpoint(msg, verifier)
			if err != nil {
				return fmt.Errorf("older checkpoint: %v", err)
			}
			c.OldSize = old.Size
			if old.Origin != cp.Origin {
				return fmt.Errorf("older checkpoint is of %q", old.Origin)
			}
			p, err := tlog.ProveTree(cp.Size, old.Size, thr)
			if err != nil {
				return err
			}
			c.Proof = encodeProof(p)
			return tlog.CheckTree(p, cp.Size, cp.Root, old.Size, old.Root)
		}()
		c.OK = err == nil
		if err != nil {
			c.Error = err.Error()
			rep.OK = false
		}
		rep.Consistency = c
	}
	body := msg[:bytes.LastIndex(msg, []byte("\n\n"))+1]
	for _, w := range witnesses {
		c := checkCosignature(msg, body, w)
		if !c.OK {
			rep.OK = false
		}
		rep.Witnesses = append(rep.Witnesses, c)
	}
	rep.TilesRead = reader.paths
	finish(nil)
}
