; The network poller (src/netpoll.rs) on a non-blocking pipe and a timerfd, with GOMAXPROCS=1
; (netpoll.env):
;   r, w := pipe2(O_NONBLOCK); pd := netpoll_open(r)
;   1. a read deadline 30 ms ahead: wait returns 2 (timeout) after at least 30 ms
;   2. a deadline in the past: wait returns 2 at once; clearing it: reset returns 0
;   3. a read woken by a write: go func() { sleep(20ms); write(w, "x") }(); wait returns 0,
;      read gets 1 byte 'x'
;   4. unblock wakes a waiting goroutine with 1 (closing)
;   5. a timerfd armed for 20 ms is the only thing main waits for (no timer, no system call):
;      the deadlock detector must not fire; wait returns 0 and the timerfd reads 1 expiration
; Prints one line per step.
target triple = "x86_64-unknown-linux-gnu"

@fds = global [2 x i32] zeroinitializer
@wbuf = global [1 x i8] c"x"
@rbuf = global [8 x i8] zeroinitializer
@pd = global i64 0
@waitres = global i64 -1
@its = global [4 x i64] [i64 0, i64 0, i64 0, i64 20000000]

declare void @rog_newproc(ptr)
declare void @rog_sleep(i64)
declare i64 @rog_nanotime()
declare i64 @rog_syscall6(i64, i64, i64, i64, i64, i64, i64)
declare i64 @rog_rawsyscall6(i64, i64, i64, i64, i64, i64, i64)
declare void @rog_netpoll_init()
declare i64 @rog_netpoll_open(i64)
declare void @rog_netpoll_close(i64)
declare i64 @rog_netpoll_wait(i64, i64)
declare i64 @rog_netpoll_reset(i64, i64)
declare void @rog_netpoll_setdeadline(i64, i64, i64)
declare void @rog_netpoll_unblock(i64)
declare void @rog_printint(i64)
declare void @rog_printsp()
declare void @rog_printnl()

define void @print2(i64 %a, i64 %b) {
  call void @rog_printint(i64 %a)
  call void @rog_printsp()
  call void @rog_printint(i64 %b)
  call void @rog_printnl()
  ret void
}

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

define void @main.waiter(ptr nest %ctx) uwtable {
  %pd = load i64, ptr @pd
  %r = call i64 @rog_netpoll_wait(i64 %pd, i64 114)
  store i64 %r, ptr @waitres
  ret void
}

@main.waiter.f = private constant { ptr } { ptr @main.waiter }

define void @main.main(ptr nest %ctx) uwtable {
  %fdsp = ptrtoint ptr @fds to i64
  %p = call i64 @rog_rawsyscall6(i64 293, i64 %fdsp, i64 2048, i64 0, i64 0, i64 0, i64 0)
  %rfd = load i32, ptr @fds
  %rfd64 = sext i32 %rfd to i64
  call void @rog_netpoll_init()
  %pd = call i64 @rog_netpoll_open(i64 %rfd64)
  store i64 %pd, ptr @pd
  %opened = icmp sgt i64 %pd, 0
  %opened64 = zext i1 %opened to i64
  call void @print2(i64 0, i64 %opened64)
  %buf = ptrtoint ptr @rbuf to i64

  ; 1. deadline 30 ms ahead
  call void @rog_netpoll_setdeadline(i64 %pd, i64 30000000, i64 114)
  %t0 = call i64 @rog_nanotime()
  %rs1 = call i64 @rog_netpoll_reset(i64 %pd, i64 114)
  %rd1 = call i64 @rog_syscall6(i64 0, i64 %rfd64, i64 %buf, i64 8, i64 0, i64 0, i64 0)
  %w1 = call i64 @rog_netpoll_wait(i64 %pd, i64 114)
  %t1 = call i64 @rog_nanotime()
  %el = sub i64 %t1, %t0
  %late = icmp sge i64 %el, 30000000
  %late64 = zext i1 %late to i64
  call void @print2(i64 %rd1, i64 %w1)
  call void @print2(i64 1, i64 %late64)

  ; 2. a deadline in the past, then none
  call void @rog_netpoll_setdeadline(i64 %pd, i64 -1, i64 114)
  %w2 = call i64 @rog_netpoll_wait(i64 %pd, i64 114)
  call void @rog_netpoll_setdeadline(i64 %pd, i64 0, i64 114)
  %rs2 = call i64 @rog_netpoll_reset(i64 %pd, i64 114)
  call void @print2(i64 %w2, i64 %rs2)

  ; 3. a read woken by a write
  call void @rog_newproc(ptr @main.writer.f)
  %w3 = call i64 @rog_netpoll_wait(i64 %pd, i64 114)
  %rd3 = call i64 @rog_syscall6(i64 0, i64 %rfd64, i64 %buf, i64 8, i64 0, i64 0, i64 0)
  %c = load i8, ptr @rbuf
  %c64 = zext i8 %c to i64
  call void @print2(i64 %w3, i64 %rd3)
  call void @print2(i64 3, i64 %c64)

  ; 4. unblock wakes a waiter
  %rs4 = call i64 @rog_netpoll_reset(i64 %pd, i64 114)
  call void @rog_newproc(ptr @main.waiter.f)
  call void @rog_sleep(i64 20000000)
  %before = load i64, ptr @waitres
  call void @rog_netpoll_unblock(i64 %pd)
  call void @rog_sleep(i64 20000000)
  %after = load i64, ptr @waitres
  call void @print2(i64 %before, i64 %after)
  call void @rog_netpoll_close(i64 %pd)

  ; 5. a timerfd, nothing else pending
  %tfd = call i64 @rog_rawsyscall6(i64 283, i64 1, i64 2048, i64 0, i64 0, i64 0, i64 0)
  %tpd = call i64 @rog_netpoll_open(i64 %tfd)
  %itsp = ptrtoint ptr @its to i64
  %st = call i64 @rog_rawsyscall6(i64 286, i64 %tfd, i64 0, i64 %itsp, i64 0, i64 0, i64 0)
  %rs5 = call i64 @rog_netpoll_reset(i64 %tpd, i64 114)
  %w5 = call i64 @rog_netpoll_wait(i64 %tpd, i64 114)
  %rd5 = call i64 @rog_rawsyscall6(i64 0, i64 %tfd, i64 %buf, i64 8, i64 0, i64 0, i64 0)
  %n5 = load i64, ptr @rbuf
  call void @print2(i64 %w5, i64 %rd5)
  call void @print2(i64 5, i64 %n5)
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
