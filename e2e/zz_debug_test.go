package e2e

import (
	"context"
	"net"
	"net/http"
	"runtime/debug"
	"sync"
)

var closeStacks sync.Map

type tracedConn struct{ net.Conn }

func (c tracedConn) Close() error {
	closeStacks.Store(c.LocalAddr().String(), "close")
	_ = debug.Stack
	return c.Conn.Close()
}

func tracedClient() *http.Client {
	d := &net.Dialer{}
	return &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, n, a string) (net.Conn, error) {
		c, err := d.DialContext(ctx, n, a)
		if err != nil {
			return nil, err
		}
		return tracedConn{c}, nil
	}}}
}

func (c tracedConn) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	if err != nil {
		closeStacks.Store("write-"+c.LocalAddr().String(), err.Error())
	}
	return n, err
}
