package report

// File is one file of a folder written all or nothing by WriteFiles.
type File struct {
	Name string
	Data []byte
}

// WriteFiles writes files into dir like an export: every file goes to a
// temporary file first and all are renamed into place only when all were
// written, so a failure leaves the folder as it was and no temporary file
// behind. It returns the paths written.
func WriteFiles(dir string, files []File) ([]string, error) {
	nc := make([]namedContent, len(files))
	for i, f := range files {
		nc[i] = namedContent{name: f.Name, data: f.Data}
	}
	return writeAtomic(osFS{}, dir, nc)
}

// TextCell prepares a text cell of a CSV file for Excel the way the exports
// do: a cell that begins with = + - @ or a tab can never become a formula.
func TextCell(s string) string { return text(s) }
