package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// produce writes a log made by Go's tlog, signed by a fresh note key: checkpoint, vkey, tiles,
// entry bundles, an older checkpoint, and proofs.json with Go's inclusion and consistency proofs.
func produce(args []string) {
	fs := flag.NewFlagSet("produce", flag.ExitOnError)
	out := fs.String("out", "", "directory to write the log to")
	count := fs.Int64("n", 300, "number of entries")
	origin := fs.String("origin", "go.example/tlog-interop", "the log's origin and key name")
	fs.Parse(args)
	n := *count
	if n < 2 {
		fail(errors.New("-n must be at least 2"))
	}

	var hashes []tlog.Hash
	reader := tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		for i, x := range indexes {
			out[i] = hashes[x]
		}
		return out, nil
	})
	var entries [][]byte
	for i := int64(0); i < n; i++ {
		digest := make([]byte, 32)
		binary.BigEndian.PutUint64(digest[24:], uint64(i))
		entry := []byte(fmt.Sprintf("receipt %x\n", digest))
		stored, err := tlog.StoredHashes(i, entry, reader)
		if err != nil {
			fail(err)
		}
		hashes = append(hashes, stored...)
		entries = append(entries, entry)
	}

	skey, vkey, err := note.GenerateKey(rand.Reader, *origin)
	if err != nil {
		fail(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		fail(err)
	}
	sign := func(size int64) []byte {
		root, err := tlog.TreeHash(size, reader)
		if err != nil {
			fail(err)
		}
		text := fmt.Sprintf("%s\n%d\n%s\n", *origin, size, base64.StdEncoding.EncodeToString(root[:]))
		msg, err := note.Sign(&note.Note{Text: text}, signer)
		if err != nil {
			fail(err)
		}
		return msg
	}

	write := func(path string, data []byte) {
		full := filepath.Join(*out, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			fail(err)
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			fail(err)
		}
	}
	oldSize := n / 2
	// A witness cosigns the checkpoint (tlog-cosignature, Ed25519) at a fixed time.
	wpub, wpriv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		fail(err)
	}
	wname := "go.example/witness"
	wid := keyID(wname, cosignatureType, wpub)
	checkpointMsg := sign(n)
	body := checkpointMsg[:bytes.LastIndex(checkpointMsg, []byte("\n\n"))+1]
	const cosignedAt = 1764669600
	signed := append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", cosignedAt)), body...)
	csig := append(append([]byte{}, wid...), make([]byte, 8)...)
	binary.BigEndian.PutUint64(csig[4:], cosignedAt)
	csig = append(csig, ed25519.Sign(wpriv, signed)...)
	checkpointMsg = append(checkpointMsg, []byte("— "+wname+" "+base64.StdEncoding.EncodeToString(csig)+"\n")...)
	wkey := fmt.Sprintf("%s+%x+%s", wname, wid, base64.StdEncoding.EncodeToString(append([]byte{cosignatureType}, wpub...)))
	write("witness-vkey", []byte(wkey+"\n"))
	write("checkpoint", checkpointMsg)
	write("older-checkpoint", sign(oldSize))
	write("vkey", []byte(vkey+"\n"))

	// The tiles a tree of n publishes, each at its final width (NewTiles lists every width).
	widest := map[[2]int64]tlog.Tile{}
	for _, t := range tlog.NewTiles(height, 0, n) {
		widest[[2]int64{int64(t.L), t.N}] = t
	}
	var paths []string
	for _, t := range widest {
		data, err := tlog.ReadTileData(t, reader)
		if err != nil {
			fail(err)
		}
		write(c2spPath(t), data)
		paths = append(paths, c2spPath(t))
		if t.L == 0 {
			var bundle bytes.Buffer
			for _, e := range entries[t.N<<height : t.N<<height+int64(t.W)] {
				binary.Write(&bundle, binary.BigEndian, uint16(len(e)))
				bundle.Write(e)
			}
			bt := tlog.Tile{H: height, L: -1, N: t.N, W: t.W}
			write(c2spPath(bt), bundle.Bytes())
			paths = append(paths, c2spPath(bt))
		}
	}

	type inclusion struct {
		Index int64    `json:"index"`
		Proof []string `json:"proof"`
	}
	proofs := struct {
		Size        int64       `json:"size"`
		OldSize     int64       `json:"oldSize"`
		Vkey        string      `json:"vkey"`
		PublicKey   string      `json:"publicKey"`
		Tiles       []string    `json:"tiles"`
		Inclusion   []inclusion `json:"inclusion"`
		Consistency []string    `json:"consistency"`
	}{Size: n, OldSize: oldSize, Vkey: vkey, Tiles: paths}
	raw, _ := base64.StdEncoding.DecodeString(strings.SplitN(vkey, "+", 3)[2])
	proofs.PublicKey = base64.StdEncoding.EncodeToString(ed25519.PublicKey(raw[1:]))
	for _, i := range []int64{0, 1, oldSize, n - 1} {
		p, err := tlog.ProveRecord(n, i, reader)
		if err != nil {
			fail(err)
		}
		proofs.Inclusion = append(proofs.Inclusion, inclusion{i, encodeProof(p)})
	}
	tp, err := tlog.ProveTree(n, oldSize, reader)
	if err != nil {
		fail(err)
	}
	proofs.Consistency = encodeProof(tp)
	data, _ := json.MarshalIndent(proofs, "", "  ")
	write("proofs.json", data)
}
