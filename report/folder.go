package report

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/bimtek/bimtek/proc"
)

// DiskFullError is an export refused because the disk holding its folder is
// full. Nothing of the export is left behind; an older export of the same
// name is as it was.
type DiskFullError struct {
	Dir string // the export folder that was being written
	Err error  // the system's error
}

func (e *DiskFullError) Error() string {
	return fmt.Sprintf("the disk holding %s is full, so nothing was exported; free some space and export again", e.Dir)
}

func (e *DiskFullError) Unwrap() error { return e.Err }

// NotExportFolderError is a folder that already exists and holds something
// no bimtek export writes, so writing the export there would replace the
// user's own files.
type NotExportFolderError struct {
	Dir   string
	Entry string // the first entry that is not an export file
}

func (e *NotExportFolderError) Error() string {
	return fmt.Sprintf("the folder %s already holds %s, which is not part of a bimtek export; choose a new or empty folder", e.Dir, e.Entry)
}

// The hidden names an export uses beside its folder while it works. The
// writer's pid follows the prefix, so that the next export can tell the
// leftovers of a dead process from the work of a live one.
const (
	tempPrefix = ".bimtek-tmp-" // the new folder being written
	oldPrefix  = ".bimtek-old-" // the replaced folder on its way out
)

// exportNames are the files of a CSV export. A folder that holds only
// export files (these, a report pack's, see isExportFile) and leftovers of
// an interrupted export is an older export that a new one may replace.
var exportNames = map[string]bool{
	ScoresFile: true, OPDDimensionsFile: true, CitySummaryFile: true, PrioritiesFile: true,
}

// isExportFile says whether a file name is one that some bimtek export
// writes: the CSV files, or a report pack's <city-slug>-tahap<N>.xlsx and
// .html (PackBaseName), whatever the city.
func isExportFile(name string) bool {
	if exportNames[name] {
		return true
	}
	base, ok := strings.CutSuffix(name, ".xlsx")
	if !ok {
		if base, ok = strings.CutSuffix(name, ".html"); !ok {
			return false
		}
	}
	i := strings.LastIndex(base, "-tahap")
	if i <= 0 {
		return false
	}
	slug, stage := base[:i], base[i+len("-tahap"):]
	if stage == "" || strings.Trim(stage, "0123456789") != "" || len(stage) > 9 {
		return false
	}
	for _, r := range slug {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

var (
	exportMu sync.Mutex
	// active are the hidden folders this process is writing or removing
	// now; cleanLeftovers leaves them alone.
	active = map[string]bool{}
)

// WriteFolder writes files as the folder dir so that dir is never seen half
// made: the files go into a hidden sibling folder (.bimtek-tmp-*), each file
// and then that folder are synced, and only then is it renamed to dir.
//
// An existing dir is replaced whole, never mixed: on Linux the two folders
// are swapped in one step (renameat2 RENAME_EXCHANGE), on macOS likewise
// (renamex_np RENAME_SWAP). Where the system cannot swap two folders
// (Windows: a folder cannot be renamed over another; some Linux file
// systems), the old folder is first renamed aside (.bimtek-old-*) and the
// new one into place; a crash between those two renames leaves no dir but
// both complete folders, and the next export puts the old one back before
// it starts. dir is replaced only when it is empty or holds nothing but the
// files of exports (see isExportFile); otherwise it is refused with a
// *NotExportFolderError. The files of another kind of export in dir (a
// report pack beside the CSV files, another session's pack) are carried
// into the new folder unchanged, so one export never removes another's.
//
// Every export first removes the hidden leftovers that interrupted exports
// (of any name, by processes that are gone) left in the same parent folder.
//
// Files are created 0600 and the folder 0700 whatever the umask, because an
// export holds the OPDs' answers and notes. A full disk is a *DiskFullError.
// On any failure nothing new is left: no hidden folder, and no parent folder
// that this call created.
//
// It returns the paths of the files in dir, in the order given.
func WriteFolder(dir string, files []File) ([]string, error) {
	return writeFolder(osFS{}, dir, files)
}

func writeFolder(fsys fileSystem, dir string, files []File) ([]string, error) {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	w, err := beginFolder(fsys, dir, names)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		w.add(f)
	}
	return w.commit()
}

// folderWriter is one export folder on its way (see WriteFolder): begun
// when its checks passed and its hidden folder was made, then each file is
// added as soon as it is ready and written and synced on a goroutine of
// its own, so that one file's sync (the disk's work) overlaps the making
// of the next (the processor's); commit waits for every file, syncs the
// folder and renames it into place. Every file is synced before the folder
// is, and the folder before the rename, as when they were written one
// after the other.
type folderWriter struct {
	fsys    fileSystem
	dir     string   // the export folder
	parent  string   // its parent
	tmp     string   // the hidden folder being written
	order   []string // the file names, in the order given
	seen    map[string]bool
	exists  bool     // dir is there already (an older export)
	created []string // parent folders this export made

	wg   sync.WaitGroup
	mu   sync.Mutex
	errs map[string]error // a file that failed, by name
	done bool
}

// beginFolder checks that dir may become an export of the files named,
// makes its missing parents and the hidden folder, and removes the
// leftovers of interrupted exports beside it.
func beginFolder(fsys fileSystem, dir string, names []string) (w *folderWriter, err error) {
	if abs, aerr := filepath.Abs(dir); aerr == nil {
		dir = abs
	}
	dir = filepath.Clean(dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if base == "." || base == string(filepath.Separator) || parent == dir {
		return nil, fmt.Errorf("export to %s: choose a folder below it, such as %s", dir, filepath.Join(dir, "bimtek-export"))
	}
	seen := map[string]bool{}
	for _, n := range names {
		if n == "" || n != filepath.Base(n) || strings.HasPrefix(n, ".") || seen[n] {
			return nil, fmt.Errorf("export to %s: the file name %q cannot be used", dir, n)
		}
		seen[n] = true
	}
	defer func() {
		if err != nil && isDiskFull(err) {
			err = &DiskFullError{Dir: dir, Err: err}
		}
	}()

	created, err := mkdirParents(parent)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			// The in-app export must not leave an empty folder behind.
			removeCreated(created)
		}
	}()
	cleanLeftovers(parent)

	exists := false
	if fi, lerr := os.Lstat(dir); lerr == nil {
		if !fi.IsDir() {
			return nil, fmt.Errorf("export to %s: %w", dir, &fs.PathError{Op: "mkdir", Path: dir, Err: syscall.ENOTDIR})
		}
		if err := replaceable(dir, seen); err != nil {
			return nil, err
		}
		exists = true
	}

	tmp, err := os.MkdirTemp(parent, tempPrefix+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, fmt.Errorf("export to %s: create a folder in %s: %w", dir, parent, err)
	}
	track(tmp, true)
	if err := os.Chmod(tmp, 0o700); err != nil {
		_ = os.RemoveAll(tmp)
		track(tmp, false)
		return nil, fmt.Errorf("export to %s: %w", dir, err)
	}
	return &folderWriter{fsys: fsys, dir: dir, parent: parent, tmp: tmp, order: names, seen: seen,
		exists: exists, created: created, errs: map[string]error{}}, nil
}

// add writes one of the files named at begin into the hidden folder and
// syncs it: the file is created here, in the order the files are added,
// and written, synced and closed on a goroutine of its own; commit
// reports how it went.
func (w *folderWriter) add(f File) {
	fail := func(err error) {
		w.mu.Lock()
		w.errs[f.Name] = err
		w.mu.Unlock()
	}
	file, err := w.fsys.Create(filepath.Join(w.tmp, f.Name))
	if err != nil {
		fail(err)
		return
	}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		if err := fill(file, f.Data); err != nil {
			fail(err)
		}
	}()
}

// open creates one of the files named at begin in the hidden folder, in
// the order the files are opened, for its data to be written as it is
// made (write); done then makes it private, syncs and closes it on a
// goroutine of its own, as add does for a file made whole. commit reports
// how it went.
func (w *folderWriter) open(name string) *folderFile {
	f := &folderFile{w: w, name: name}
	file, err := w.fsys.Create(filepath.Join(w.tmp, name))
	if err != nil {
		w.fail(name, err)
		return f
	}
	f.file = file
	return f
}

// fail records the first failure of the file named.
func (w *folderWriter) fail(name string, err error) {
	w.mu.Lock()
	if w.errs[name] == nil {
		w.errs[name] = err
	}
	w.mu.Unlock()
}

// folderFile is a file of the hidden folder being written (see open).
type folderFile struct {
	w    *folderWriter
	name string
	file tempFile // nil once it failed (the failure is recorded)
}

// write appends data to the file. A failed write is recorded for commit
// and closes the file; what follows is dropped.
func (f *folderFile) write(data []byte) {
	if f.file == nil {
		return
	}
	if _, err := f.file.Write(data); err != nil {
		f.w.fail(f.name, err)
		_ = f.file.Close()
		f.file = nil
	}
}

// done makes the written file private, syncs and closes it, on a
// goroutine of its own.
func (f *folderFile) done() {
	file := f.file
	if file == nil {
		return
	}
	f.file = nil
	f.w.wg.Add(1)
	go func() {
		defer f.w.wg.Done()
		err := file.Chmod(0o600)
		if err == nil {
			err = file.Sync()
		}
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			f.w.fail(f.name, err)
		}
	}()
}

// discard closes a file that will not be finished (abort removes it).
func (f *folderFile) discard() {
	if f.file != nil {
		_ = f.file.Close()
		f.file = nil
	}
}

// abort waits for the files under way and removes the hidden folder (and
// the parents this export made): nothing of the export is left.
func (w *folderWriter) abort() {
	if w.done {
		return
	}
	w.done = true
	w.wg.Wait()
	_ = os.RemoveAll(w.tmp)
	track(w.tmp, false)
	removeCreated(w.created)
}

// commit waits for every file, then puts the folder in place (see
// WriteFolder) and returns the paths of the files in dir, in the order
// named at begin. On a failure nothing of the export is left.
func (w *folderWriter) commit() (paths []string, err error) {
	dir := w.dir
	defer func() {
		if err != nil && isDiskFull(err) {
			err = &DiskFullError{Dir: dir, Err: err}
		}
	}()
	w.wg.Wait()
	defer func() {
		if err != nil {
			w.abort()
		}
	}()
	for _, n := range w.order {
		if ferr := w.errs[n]; ferr != nil {
			return nil, fmt.Errorf("export to %s: write %s: %w", dir, n, ferr)
		}
	}
	if w.exists {
		if err := carryOver(dir, w.tmp, w.seen); err != nil {
			return nil, fmt.Errorf("export to %s: keep the other export's files: %w", dir, err)
		}
	}
	if err := syncDir(w.tmp); err != nil {
		return nil, fmt.Errorf("export to %s: %w", dir, err)
	}
	if w.exists {
		err = replaceDir(w.tmp, dir)
	} else {
		err = os.Rename(w.tmp, dir)
	}
	if err != nil {
		return nil, fmt.Errorf("export to %s: %w", dir, err)
	}
	w.done = true
	track(w.tmp, false)
	// From here on the export is in place; a failed sync of the parent only
	// means the rename may not yet be on the disk.
	_ = syncDir(w.parent)
	paths = make([]string, len(w.order))
	for i, n := range w.order {
		paths[i] = filepath.Join(dir, n)
	}
	return paths, nil
}

// removeCreated removes the parent folders an export made, innermost
// first.
func removeCreated(created []string) {
	for i := len(created) - 1; i >= 0; i-- {
		_ = os.Remove(created[i])
	}
}

// swap is swapDirs; a test replaces it to take the path of Windows.
var swap = swapDirs

// writeFile creates one file of the new folder, private whatever the umask,
// and syncs it: some file systems report a full disk only then.
func writeFile(fsys fileSystem, dir string, f File) error {
	w, err := fsys.Create(filepath.Join(dir, f.Name))
	if err != nil {
		return err
	}
	return fill(w, f.Data)
}

// fill writes a new file's data, makes it private, syncs and closes it.
func fill(w tempFile, data []byte) error {
	_, err := w.Write(data)
	if err == nil {
		err = w.Chmod(0o600)
	}
	if err == nil {
		err = w.Sync()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// replaceDir puts the complete folder tmp in the place of dir: swapped in
// one step where the system can, else old aside, new in, old removed.
func replaceDir(tmp, dir string) error {
	if swapped, err := swap(tmp, dir); swapped {
		if err != nil {
			return err
		}
		// tmp now holds the old export.
		_ = os.RemoveAll(tmp)
		return nil
	}
	old := filepath.Join(filepath.Dir(dir), oldPrefix+strconv.Itoa(os.Getpid())+"-"+strconv.FormatUint(rand.Uint64(), 36)+"-"+filepath.Base(dir))
	track(old, true)
	defer track(old, false)
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if rerr := os.Rename(old, dir); rerr != nil {
			return fmt.Errorf("%w (the older export is kept as %s)", err, old)
		}
		return err
	}
	_ = os.RemoveAll(old)
	return nil
}

// replaceable says whether an existing folder may be replaced by an export
// of the given files: it holds nothing but export files and leftovers.
func replaceable(dir string, names map[string]bool) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	for _, e := range entries {
		n := e.Name()
		// .scores.csv.123.tmp: a leftover of exports before folders were
		// written whole.
		oldTemp := strings.HasPrefix(n, ".") && strings.HasSuffix(n, ".tmp") && e.Type().IsRegular()
		if oldTemp || (e.Type().IsRegular() && (names[n] || isExportFile(n))) {
			continue
		}
		return &NotExportFolderError{Dir: dir, Entry: n}
	}
	return nil
}

// carryOver puts into the new folder tmp the export files of dir that the
// new export does not write (names): a CSV export keeps the report pack
// beside it and the other way round. A hard link where the file system has
// them (the two folders share a parent), else a private, synced copy.
func carryOver(dir, tmp string, names map[string]bool) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		n := e.Name()
		if names[n] || !e.Type().IsRegular() || !isExportFile(n) {
			continue
		}
		src, dst := filepath.Join(dir, n), filepath.Join(tmp, n)
		if os.Link(src, dst) == nil {
			continue
		}
		b, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		if err := writeFile(osFS{}, tmp, File{Name: n, Data: b}); err != nil {
			return fmt.Errorf("copy %s: %w", n, err)
		}
	}
	return nil
}

// mkdirParents creates dir and its missing parents (0700) and returns the
// folders it created, outermost first.
func mkdirParents(dir string) ([]string, error) {
	var missing []string
	for d := dir; ; {
		if _, err := os.Lstat(d); err == nil {
			break
		} else if !errors.Is(err, fs.ErrNotExist) {
			break // let MkdirAll say what is wrong
		}
		missing = append(missing, d)
		up := filepath.Dir(d)
		if up == d {
			break
		}
		d = up
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		for i := 0; i < len(missing); i++ {
			_ = os.Remove(missing[i])
		}
		return nil, fmt.Errorf("create the export folder %s: %w", dir, err)
	}
	created := make([]string, 0, len(missing))
	for i := len(missing) - 1; i >= 0; i-- {
		created = append(created, missing[i])
	}
	return created, nil
}

// cleanLeftovers removes, in parent, the hidden folders of exports whose
// process is gone: an interrupted export's half-made folder, or the older
// export it was replacing. An older export whose place is empty (the crash
// came between the two renames of replaceDir) is put back instead.
func cleanLeftovers(parent string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		var rest string
		old := false
		switch {
		case strings.HasPrefix(n, tempPrefix):
			rest = n[len(tempPrefix):]
		case strings.HasPrefix(n, oldPrefix):
			rest, old = n[len(oldPrefix):], true
		default:
			continue
		}
		pidText, after, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil {
			continue // not one of ours
		}
		path := filepath.Join(parent, n)
		if pid != os.Getpid() && proc.Alive(pid) {
			continue // another export is at work here now
		}
		if isTracked(path) {
			continue
		}
		if old {
			if _, name, ok := strings.Cut(after, "-"); ok && name != "" {
				target := filepath.Join(parent, name)
				if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
					if os.Rename(path, target) == nil {
						continue
					}
				}
			}
		}
		_ = os.RemoveAll(path)
	}
}

func track(path string, on bool) {
	exportMu.Lock()
	defer exportMu.Unlock()
	if on {
		active[path] = true
	} else {
		delete(active, path)
	}
}

func isTracked(path string) bool {
	exportMu.Lock()
	defer exportMu.Unlock()
	return active[path]
}

// syncDir makes a folder's entries durable (the names of the files in it).
// Windows cannot open a folder for syncing; there NTFS journals the rename.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil && ignoreDirSyncError(err) {
		return nil
	}
	return err
}
