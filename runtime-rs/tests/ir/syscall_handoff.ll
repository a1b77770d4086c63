; With GOMAXPROCS=1 (syscall_handoff.env), main blocks in read(2) on a pipe that only another
; goroutine writes, after sleeping: the worker must be handed to another thread while main is in
; the system call, or the program hangs.
;   r, w := pipe(); go func() { time.Sleep(20ms); write(w, "x") }(); n := read(r, buf); println(n, buf[0])
target triple = "x86_64-unknown-linux-gnu"

@fds = global [2 x i32] zeroinitializer
@wbuf = global [1 x i8] c"x"
@rbuf = global [1 x i8] zeroinitializer

declare void @rog_newproc(ptr)
declare void @rog_sleep(i64)
declare i64 @rog_syscall6(i64, i64, i64, i64, i64, i64, i64)
declare i64 @rog_rawsyscall6(i64, i64, i64, i64, i64, i64, i64)
declare void @rog_printint(i64)
declare void @rog_printsp()
declare void @rog_printnl()

define void @main.writer(ptr nest %ctx) uwtable {
  call void @rog_sleep(i64 20000000)
  %wfdp = getelementptr i32, ptr @fds, i64 1
  %wfd = load i32, ptr %wfdp
  %wfd64 = sext i32 %wfd to i64
  %buf = ptrtoint ptr @wbuf to i64
  %r = call i64 @rog_syscall6(i64 1, i64 %wfd64, i64 %buf, i64 1, i64 0, i64 0, i64 0)
  ret void
}

@main.writer.f = private constant { ptr } { ptr @main.writer }

define void @main.main(ptr nest %ctx) uwtable {
  %fdsp = ptrtoint ptr @fds to i64
  %p = call i64 @rog_rawsyscall6(i64 293, i64 %fdsp, i64 0, i64 0, i64 0, i64 0, i64 0)
  call void @rog_newproc(ptr @main.writer.f)
  %rfd = load i32, ptr @fds
  %rfd64 = sext i32 %rfd to i64
  %buf = ptrtoint ptr @rbuf to i64
  %n = call i64 @rog_syscall6(i64 0, i64 %rfd64, i64 %buf, i64 1, i64 0, i64 0, i64 0)
  %c = load i8, ptr @rbuf
  %c64 = zext i8 %c to i64
  call void @rog_printint(i64 %n)
  call void @rog_printsp()
  call void @rog_printint(i64 %c64)
  call void @rog_printnl()
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
