package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strings"
)

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
