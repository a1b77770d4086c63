// echo-rpc runs a TCP echo service on 127.0.0.1 and a load generator against it in the same
// process: clients send length-prefixed request frames over persistent connections, the server
// answers each with the same bytes, and the clients check every answer. A test of the network
// poller, goroutine wake-ups, buffered I/O and small allocations.
//
// The output is deterministic (request and byte counts). Run with -stats to also print the
// request rate and the 99th-percentile latency, which vary from run to run.
package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"sync"
	"time"
)

// size is the total number of requests. The bench harness rewrites this line to the quick
// value for short runs.
const size = 100000 // bench:size quick=10000

// clients is the number of concurrent connections.
const clients = 16

// maxFrame bounds a frame's payload, so that a corrupt length cannot exhaust memory.
const maxFrame = 1 << 16

func readFrame(r *bufio.Reader, buf []byte) ([]byte, error) {
	var header [4]byte
	if _, err := io.ReadFull(r, header[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(header[:])
	if n > maxFrame {
		return nil, fmt.Errorf("frame of %d bytes is too long", n)
	}
	if cap(buf) < int(n) {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	_, err := io.ReadFull(r, buf)
	return buf, err
}

func writeFrame(w *bufio.Writer, payload []byte) error {
	var header [4]byte
	binary.BigEndian.PutUint32(header[:], uint32(len(payload)))
	if _, err := w.Write(header[:]); err != nil {
		return err
	}
	_, err := w.Write(payload)
	return err
}

// serve echoes every frame on conn until the client closes it.
func serve(conn net.Conn) {
	defer conn.Close()
	r := bufio.NewReader(conn)
	w := bufio.NewWriter(conn)
	var buf []byte
	for {
		frame, err := readFrame(r, buf)
		if err != nil {
			if err != io.EOF {
				fmt.Fprintln(os.Stderr, "server:", err)
			}
			return
		}
		buf = frame
		if err := writeFrame(w, frame); err != nil {
			fmt.Fprintln(os.Stderr, "server:", err)
			return
		}
		// Flush only when no further request is already waiting, as a real RPC server would.
		if r.Buffered() == 0 {
			if err := w.Flush(); err != nil {
				fmt.Fprintln(os.Stderr, "server:", err)
				return
			}
		}
	}
}

// payload fills buf with the deterministic body of request i of client c.
func payload(buf []byte, c, i int) []byte {
	n := 16 + (c*7919+i*104729)%497
	buf = buf[:n]
	for k := range buf {
		buf[k] = byte(c + i + k)
	}
	return buf
}

// stats is one client's outcome.
type stats struct {
	requests, bytes, mismatches int
	latencies                   []time.Duration
	err                         error
}

// client sends its share of the requests one at a time and checks each answer.
func client(addr string, c, requests int) stats {
	var s stats
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		s.err = err
		return s
	}
	defer conn.Close()
	r := bufio.NewReader(conn)
	w := bufio.NewWriter(conn)
	sent := make([]byte, 512)
	var got []byte
	s.latencies = make([]time.Duration, 0, requests)
	for i := 0; i < requests; i++ {
		body := payload(sent, c, i)
		start := time.Now()
		if err := writeFrame(w, body); err == nil {
			err = w.Flush()
		}
		if err != nil {
			s.err = err
			return s
		}
		got, err = readFrame(r, got)
		if err != nil {
			s.err = err
			return s
		}
		s.latencies = append(s.latencies, time.Since(start))
		s.requests++
		s.bytes += len(got)
		if string(got) != string(body) {
			s.mismatches++
		}
	}
	return s
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, "listen:", err)
		os.Exit(1)
	}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go serve(conn)
		}
	}()

	start := time.Now()
	results := make([]stats, clients)
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			share := size / clients
			if c < size%clients {
				share++
			}
			results[c] = client(ln.Addr().String(), c, share)
		}(c)
	}
	wg.Wait()
	elapsed := time.Since(start)
	ln.Close()

	var total stats
	for _, s := range results {
		if s.err != nil {
			fmt.Fprintln(os.Stderr, "client:", s.err)
			os.Exit(1)
		}
		total.requests += s.requests
		total.bytes += s.bytes
		total.mismatches += s.mismatches
		total.latencies = append(total.latencies, s.latencies...)
	}
	fmt.Printf("%d clients, %d requests, %d bytes echoed, %d mismatches\n",
		clients, total.requests, total.bytes, total.mismatches)

	if len(os.Args) > 1 && os.Args[1] == "-stats" {
		sort.Slice(total.latencies, func(i, j int) bool { return total.latencies[i] < total.latencies[j] })
		p99 := total.latencies[len(total.latencies)*99/100]
		rate := float64(total.requests) / elapsed.Seconds()
		fmt.Printf("%.0f requests/s, p99 latency %v\n", rate, p99)
	}
}
