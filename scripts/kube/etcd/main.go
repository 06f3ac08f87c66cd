// Command etcd is etcd's own server entry point, built in this module so that it shares the
// compiled packages of the Kubernetes binaries beside it (one `go build`).
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
