// Call stacks: Caller, Callers, frames and function names, read through the Rust runtime's
// unwinder and symbol tables (rog_callers, rog_funcinfo).

package runtime

import "unsafe"

// Caller reports the file and line of a function call on the calling goroutine's stack;
// skip 0 is Caller's caller.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	var pcs [1]uintptr
	if rogCallers(skip+1, &pcs[0], 1) < 1 {
		return 0, "", 0, false
	}
	fi := funcInfo(pcs[0] - 1)
	if fi.line == 0 {
		return pcs[0], "", 0, false
	}
	return pcs[0], fi.file, fi.line, true
}

// Callers fills pc with the return addresses of the calling goroutine's stack; skip 0 is
// Callers itself, 1 its caller.
func Callers(skip int, pc []uintptr) int {
	if len(pc) == 0 {
		return 0
	}
	return rogCallers(skip, &pc[0], len(pc))
}

// A PC from Callers carries in its top bits the index of its logical frame in the inline
// chain at its address (runtime-rs/ABI.md, "Call stacks").
const (
	pcTagShift = 56
	pcTagMask  = uintptr(0xff) << pcTagShift
)

type funcData struct {
	entry   uintptr
	name    string
	file    string
	line    int
	next    uintptr // tag of the next Go frame outwards at the same address; 0: none
	inlined bool
}

func funcInfo(pc uintptr) funcData {
	var out [7]uintptr
	line := rogFuncInfo(pc, &out)
	if line == 0 {
		return funcData{}
	}
	return funcData{
		entry:   out[0],
		name:    unsafe.String((*byte)(unsafe.Pointer(out[1])), int(out[2])),
		file:    unsafe.String((*byte)(unsafe.Pointer(out[3])), int(out[4])),
		line:    line,
		next:    out[5],
		inlined: out[6] != 0,
	}
}

// Func describes a function of the program.
type Func struct {
	entry uintptr
	name  string
	file  string
}

// FuncForPC describes the function holding pc, or returns nil. When pc is in inlined code, it
// describes the innermost Go function (for a PC from Callers: that frame's function), with the
// entry of the physical function, as gc does.
func FuncForPC(pc uintptr) *Func {
	fi := funcInfo(pc)
	if fi.line == 0 {
		return nil
	}
	return &Func{entry: fi.entry, name: fi.name, file: fi.file}
}

// Name returns the function's name ("" for a nil *Func).
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the function's entry address.
func (f *Func) Entry() uintptr {
	if f == nil {
		return 0
	}
	return f.entry
}

// FileLine returns the file and line of pc inside f.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	fi := funcInfo(pc)
	return fi.file, fi.line
}

// Frame is one frame of a call stack.
type Frame struct {
	PC        uintptr
	Func      *Func
	Function  string
	File      string
	Line      int
	startLine int
	Entry     uintptr
}

// Frames iterates over the frames of a Callers result.
type Frames struct {
	pcs []uintptr
	// nextPC is an outer logical frame of the last PC still to report, because pcs does not
	// continue with it (as gc, only while more PCs follow); 0 when none.
	nextPC uintptr
}

// CallersFrames returns the frames of the return addresses in callers.
func CallersFrames(callers []uintptr) *Frames {
	return &Frames{pcs: callers}
}

// Next returns the next frame and whether more follow. Each PC of a Callers result is one
// logical frame; inlined calls have their own PCs (tagged, see funcInfo). Func is nil for an
// inlined frame, as in gc.
func (ci *Frames) Next() (frame Frame, more bool) {
	for ci.nextPC != 0 || len(ci.pcs) > 0 {
		var pc uintptr
		if ci.nextPC != 0 {
			pc, ci.nextPC = ci.nextPC, 0
		} else {
			pc = ci.pcs[0]
			ci.pcs = ci.pcs[1:]
		}
		fi := funcInfo(pc - 1)
		if fi.line == 0 {
			continue
		}
		if fi.next != 0 && len(ci.pcs) > 0 {
			if want := pc&^pcTagMask | fi.next<<pcTagShift; ci.pcs[0] != want {
				ci.nextPC = want
			}
		}
		var f *Func
		if !fi.inlined {
			f = &Func{entry: fi.entry, name: fi.name, file: fi.file}
		}
		frame = Frame{PC: pc - 1, Func: f, Function: fi.name, File: fi.file, Line: fi.line, Entry: fi.entry}
		return frame, ci.nextPC != 0 || len(ci.pcs) > 0
	}
	return Frame{}, false
}

// Stack formats a stack trace of the calling goroutine into buf (all goroutines: not yet,
// only the caller's) and returns the number of bytes written.
func Stack(buf []byte, all bool) int {
	var pcs [64]uintptr
	n := rogCallers(1, &pcs[0], len(pcs))
	s := "goroutine 1 [running]:\n"
	frames := CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if f.Function != "" {
			s += f.Function + "(...)\n\t" + f.File + ":" + itoa(f.Line) + "\n"
		}
		if !more {
			break
		}
	}
	return copy(buf, s)
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
