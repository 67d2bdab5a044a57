package room

import (
	"io"
	"log"
)

// quietLog keeps the server's own complaints (a phone that hung up, a TLS
// probe) off the facilitator's terminal, where they would tear the screen.
func quietLog() *log.Logger { return log.New(io.Discard, "", 0) }
