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
	"errors"
	"fmt"
	"os"
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
