// Command tlog-interop checks an Assent transparency log with Go's reference implementation of
// signed notes and tiled logs (golang.org/x/mod/sumdb/note and sumdb/tlog), and writes a log of
// its own for Assent to check: both directions of interoperability, with no Assent code involved.
//
//	tlog-interop verify -log DIR|URL -vkey VKEY [-index N]... [-all] [-older FILE] [-witness WKEY]...
//	                                 (-all checks every record and lists only failures)
//	tlog-interop produce -out DIR -n COUNT
//
// verify reads DIR|URL/checkpoint and the tiles under DIR|URL/tile/ (C2SP tlog-tiles), opens the
// checkpoint with note.Open, rebuilds the tree hash with tlog.TileHashReader and tlog.TreeHash,
// proves and checks each record with tlog.ProveRecord and tlog.CheckRecord (the entries read from
// the entry bundles), and with -older proves and checks consistency with tlog.ProveTree and
// tlog.CheckTree. Each -witness key (C2SP tlog-cosignature, type 0x04, which this version of the
// note package does not know) is checked here from the spec with crypto/ed25519. It prints a JSON
// report and exits 1 when any check fails.
package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
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

const height = 8

func main() {
	if len(os.Args) < 2 {
		fail(errors.New("usage: tlog-interop verify|produce ..."))
	}
	switch os.Args[1] {
	case "verify":
		verify(os.Args[2:])
	case "produce":
		produce(os.Args[2:])
	default:
		fail(fmt.Errorf("unknown command %q", os.Args[1]))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "tlog-interop:", err)
	os.Exit(2)
}

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

type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

type cosig struct {
	Name      string `json:"name"`
	Timestamp uint64 `json:"timestamp,omitempty"`
	OK        bool   `json:"ok"`
	Error     string `json:"error,omitempty"`
}

const cosignatureType = 0x04

func keyID(name string, alg byte, key []byte) []byte {
	h := sha256.Sum256(append(append([]byte(name+"\n"), alg), key...))
	return h[:4]
}

// checkCosignature finds the witness's line in the note and checks it per C2SP tlog-cosignature:
// key ID || u64 timestamp || Ed25519 over "cosignature/v1\ntime <t>\n" || checkpoint body.
func checkCosignature(msg, body []byte, wkey string) cosig {
	parts := strings.SplitN(wkey, "+", 3)
	if len(parts) != 3 {
		return cosig{Error: "malformed witness key"}
	}
	c := cosig{Name: parts[0]}
	raw, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(raw) != 1+ed25519.PublicKeySize || raw[0] != cosignatureType {
		c.Error = "witness key is not an Ed25519 cosignature key"
		return c
	}
	id := keyID(c.Name, raw[0], raw[1:])
	if fmt.Sprintf("%x", id) != parts[1] {
		c.Error = "witness key hash does not match"
		return c
	}
	for _, line := range strings.Split(string(msg[len(body)+1:]), "\n") {
		if !strings.HasPrefix(line, "— "+c.Name+" ") {
			continue
		}
		sig, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(line, "— "+c.Name+" "))
		if err != nil || len(sig) != 4+8+ed25519.SignatureSize || !bytes.Equal(sig[:4], id) {
			continue
		}
		c.Timestamp = binary.BigEndian.Uint64(sig[4:12])
		signed := append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", c.Timestamp)), body...)
		if !ed25519.Verify(ed25519.PublicKey(raw[1:]), signed, sig[12:]) {
			c.Error = "invalid cosignature"
			return c
		}
		c.OK = true
		return c
	}
	c.Error = "no cosignature by this witness"
	return c
}

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
