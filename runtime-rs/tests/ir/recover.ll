; defer/recover through unwinding:
;   func f() (r int) { defer func() { if recover() != nil { r = 42 } }(); var a []int; _ = a[5]; return 1 }
;   func main() { println(f()); defer println("deferred"); var p *int; println(*p) }
; f's index panic is recovered by its deferred closure, which sets the named result; main's nil
; dereference faults (SIGSEGV becomes a Go panic), its defer runs, then the panic is fatal.
target triple = "x86_64-unknown-linux-gnu"

@nilptr = global ptr null
@.deferred = private constant [8 x i8] c"deferred"

declare ptr @rog_alloc(i64, ptr)
declare void @rog_deferproc(ptr, ptr)
declare void @rog_deferreturn(ptr)
declare i1 @rog_deferpanic(ptr, ptr)
declare void @rog_panic_resume(ptr) noreturn
declare { ptr, ptr } @rog_gorecover()
declare void @rog_panic_index(i64, i64) noreturn
declare i32 @rog_personality(...)
declare void @rog_printint(i64)
declare void @rog_printstring(ptr, i64)
declare void @rog_printnl()

define void @main.f.func1(ptr nest %ctx) uwtable {
  %rpp = getelementptr i8, ptr %ctx, i64 32
  %rp = load ptr, ptr %rpp
  %e = call { ptr, ptr } @rog_gorecover()
  %t = extractvalue { ptr, ptr } %e, 0
  %isnil = icmp eq ptr %t, null
  br i1 %isnil, label %done, label %set
set:
  store i64 42, ptr %rp
  br label %done
done:
  ret void
}

define i64 @main.f(ptr nest %ctx) uwtable personality ptr @rog_personality {
entry:
  %frame = alloca i8
  %r = alloca i64
  store i64 0, ptr %r
  ; The closure object is the defer record: code, link, frame, shape (ABI.md §8), then r.
  %clo = call ptr @rog_alloc(i64 40, ptr null)
  store ptr @main.f.func1, ptr %clo
  %cr = getelementptr i8, ptr %clo, i64 32
  store ptr %r, ptr %cr
  invoke void @rog_deferproc(ptr %clo, ptr %frame) to label %body unwind label %lpad
body:
  invoke void @rog_panic_index(i64 5, i64 0) to label %unreach unwind label %lpad
unreach:
  unreachable
lpad:
  %lp = landingpad { ptr, i32 } cleanup
  %exc = extractvalue { ptr, i32 } %lp, 0
  %rec = call i1 @rog_deferpanic(ptr %exc, ptr %frame)
  br i1 %rec, label %normal, label %resume
resume:
  call void @rog_panic_resume(ptr %exc)
  unreachable
normal:
  invoke void @rog_deferreturn(ptr %frame) to label %ret unwind label %lpad
ret:
  %v = load i64, ptr %r
  ret i64 %v
}

define void @main.main.func1(ptr nest %ctx) uwtable {
  call void @rog_printstring(ptr @.deferred, i64 8)
  call void @rog_printnl()
  ret void
}

@main.main.func1.f = private global { ptr, ptr, i64, ptr } { ptr @main.main.func1, ptr null, i64 0, ptr null }

define void @main.main(ptr nest %ctx) uwtable {
  %frame = alloca i8
  %v = call i64 @main.f(ptr nest null)
  call void @rog_printint(i64 %v)
  call void @rog_printnl()
  call void @rog_deferproc(ptr @main.main.func1.f, ptr %frame)
  %p = load volatile ptr, ptr @nilptr
  %x = load volatile i64, ptr %p
  call void @rog_printint(i64 %x)
  call void @rog_deferreturn(ptr %frame)
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
