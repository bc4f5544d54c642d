// Command quic_go_client is an independent peer for palyrad's QUIC listener: quic-go (no code
// shared with our ngtcp2 stack) speaking palyra-quic-v1 as a device with its mTLS certificate.
// It prints each answer frame's JSON payload as one line on stdout; any failure is one line on
// stderr and a non-zero exit, so the interop test can tell an answer from a refusal.
package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/lucas-clemente/quic-go"
)

const (
	maxFramePayload = 524288 // inclusive, both directions
	protocolVersion = 1
	overallTimeout  = 10 * time.Second
)

type options struct {
	addr, ca, cert, key, serverName, alpn, mode string
	resume                                      uint64
	want                                        int
}

// The fields every answer frame carries; the rest is passed through as received.
type answerHeader struct {
	ProtocolVersion *int    `json:"protocol_version"`
	Kind            *string `json:"kind"`
	Ok              *bool   `json:"ok"`
}

func main() {
	var o options
	flag.StringVar(&o.addr, "addr", "", "palyrad QUIC address, host:port")
	flag.StringVar(&o.ca, "ca", "", "gateway CA PEM file (trust anchors)")
	flag.StringVar(&o.cert, "cert", "", "device certificate PEM file (optional, with -key)")
	flag.StringVar(&o.key, "key", "", "device private key PEM file (optional, with -cert)")
	flag.StringVar(&o.serverName, "server-name", "localhost", "TLS server name (SNI and hostname check)")
	flag.StringVar(&o.alpn, "alpn", "palyra-quic-v1", "the one ALPN protocol offered")
	flag.StringVar(&o.mode, "mode", "health", "health or events")
	flag.Uint64Var(&o.resume, "resume", 0, "events: the last sequence already received")
	flag.IntVar(&o.want, "want", 1, "events: how many event frames to read before closing")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintf(os.Stderr, "quic_go_client: %v\n", err)
		os.Exit(1)
	}
}

func run(o options) error {
	if o.addr == "" || o.ca == "" {
		return errors.New("-addr and -ca are required")
	}
	var request []byte
	switch o.mode {
	case "health":
		request = []byte(`{"protocol_version":1,"method":"node.health"}`)
	case "events":
		if o.want < 1 {
			return errors.New("-want must be at least 1")
		}
		request = []byte(fmt.Sprintf(
			`{"protocol_version":1,"method":"node.stream_events","resume_from":%d}`, o.resume))
	default:
		return fmt.Errorf("unknown -mode %q", o.mode)
	}
	tlsConf, err := clientTLS(o)
	if err != nil {
		return err
	}

	ctx, cancel := context.WithTimeout(context.Background(), overallTimeout)
	defer cancel()
	conn, err := quic.DialAddrContext(ctx, o.addr, tlsConf, &quic.Config{
		Versions:             []quic.VersionNumber{quic.Version1},
		HandshakeIdleTimeout: 10 * time.Second,
		MaxIdleTimeout:       30 * time.Second,
		KeepAlivePeriod:      5 * time.Second,
	})
	if err != nil {
		return fmt.Errorf("connect %s: %w", o.addr, err)
	}
	// Whatever happens below, the daemon sees a clean application close rather than an idle
	// timeout, as upstream's tests do.
	defer func() { _ = conn.CloseWithError(0, "test complete") }()

	stream, err := conn.OpenStreamSync(ctx)
	if err != nil {
		return fmt.Errorf("open stream: %w", err)
	}
	deadline, _ := ctx.Deadline()
	if err := stream.SetDeadline(deadline); err != nil {
		return fmt.Errorf("set deadline: %w", err)
	}
	// One request frame per stream, then FIN on our side.
	if err := writeFrame(stream, request); err != nil {
		return err
	}
	if err := stream.Close(); err != nil {
		return fmt.Errorf("finish send side: %w", err)
	}

	if o.mode == "health" {
		return readUntilFIN(stream)
	}
	err = readEvents(stream, o.want)
	// The daemon keeps tailing this stream; tell it we are done with both directions.
	stream.CancelRead(0)
	stream.CancelWrite(0)
	return err
}

func clientTLS(o options) (*tls.Config, error) {
	caPEM, err := os.ReadFile(o.ca)
	if err != nil {
		return nil, fmt.Errorf("read CA: %w", err)
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(caPEM) {
		return nil, fmt.Errorf("no certificate in %s", o.ca)
	}
	conf := &tls.Config{
		MinVersion: tls.VersionTLS13,
		MaxVersion: tls.VersionTLS13,
		RootCAs:    roots,
		ServerName: o.serverName,
		NextProtos: []string{o.alpn},
	}
	if (o.cert == "") != (o.key == "") {
		return nil, errors.New("-cert and -key go together")
	}
	if o.cert != "" {
		pair, err := tls.LoadX509KeyPair(o.cert, o.key)
		if err != nil {
			return nil, fmt.Errorf("load device certificate: %w", err)
		}
		conf.Certificates = []tls.Certificate{pair}
	}
	return conf, nil
}

func writeFrame(w io.Writer, payload []byte) error {
	if len(payload) > maxFramePayload {
		return fmt.Errorf("frame too large: %d > %d", len(payload), maxFramePayload)
	}
	frame := make([]byte, 4+len(payload))
	binary.BigEndian.PutUint32(frame, uint32(len(payload)))
	copy(frame[4:], payload)
	if _, err := w.Write(frame); err != nil {
		return fmt.Errorf("write request: %w", err)
	}
	return nil
}

// readFrame returns io.EOF only for a clean FIN at a frame boundary; a FIN inside a frame is
// a truncation error.
func readFrame(r io.Reader) ([]byte, error) {
	var header [4]byte
	if _, err := io.ReadFull(r, header[:]); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("read frame header: %w", err)
	}
	n := binary.BigEndian.Uint32(header[:])
	if n > maxFramePayload {
		return nil, fmt.Errorf("frame too large: %d > %d", n, maxFramePayload)
	}
	payload := make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("read frame payload (%d bytes): %w", n, err)
	}
	return payload, nil
}

// parseAnswer checks the fields every answer must carry and returns its kind.
func parseAnswer(payload []byte) (string, error) {
	var h answerHeader
	if err := json.Unmarshal(payload, &h); err != nil {
		return "", fmt.Errorf("answer is not a JSON object: %w: %q", err, payload)
	}
	if h.ProtocolVersion == nil || *h.ProtocolVersion != protocolVersion || h.Kind == nil ||
		h.Ok == nil {
		return "", fmt.Errorf("answer lacks protocol_version 1, kind or ok: %q", payload)
	}
	return *h.Kind, nil
}

func readUntilFIN(stream quic.Stream) error {
	frames := 0
	for {
		payload, err := readFrame(stream)
		if errors.Is(err, io.EOF) {
			if frames == 0 {
				return errors.New("stream ended without an answer")
			}
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := parseAnswer(payload); err != nil {
			return err
		}
		fmt.Println(string(payload))
		frames++
	}
}

func readEvents(stream quic.Stream, want int) error {
	got := 0
	for got < want {
		payload, err := readFrame(stream)
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("stream ended after %d of %d events", got, want)
		}
		if err != nil {
			return fmt.Errorf("after %d of %d events: %w", got, want, err)
		}
		kind, err := parseAnswer(payload)
		if err != nil {
			return err
		}
		switch kind {
		case "event":
			fmt.Println(string(payload))
			got++
		case "heartbeat":
			// Liveness while the log is idle; not an event.
		case "error":
			fmt.Println(string(payload))
			return fmt.Errorf("daemon answered with an error frame: %s", payload)
		default:
			return fmt.Errorf("unexpected answer kind %q: %s", kind, payload)
		}
	}
	return nil
}
