; sync support: semaphores keyed by address (as sync.WaitGroup and as a mutex under contention),
; a notify list (sync.Cond: Signal then Broadcast), and timers (one-shot, stopped then reset,
; periodic).
target triple = "x86_64-unknown-linux-gnu"

@sem = global i32 0
@mu = global i32 1
@counter = global i64 0
@done = global i64 0
@done2 = global i64 0
@nl = global [40 x i8] zeroinitializer
@ready = global i64 0
@woken = global i64 0
@fired1 = global i64 0
@fired2 = global i64 0
@ticks = global i64 0

declare void @rog_newproc(ptr)
declare void @rog_sleep(i64)
declare i64 @rog_nanotime()
declare void @rog_semacquire(ptr, i1, i32)
declare void @rog_semrelease(ptr)
declare i32 @rog_notifylist_add(ptr)
declare void @rog_notifylist_wait(ptr, i32)
declare void @rog_notifylist_notifyone(ptr)
declare void @rog_notifylist_notifyall(ptr)
declare ptr @rog_newtimer(i64, i64, ptr)
declare i1 @rog_stoptimer(ptr)
declare i1 @rog_resettimer(ptr, i64, i64)
declare void @rog_printint(i64)
declare void @rog_printbool(i1 zeroext)
declare void @rog_printsp()
declare void @rog_printnl()

; waits (sleeping 1 ms at a time, at most 5 s) until *p >= n; returns *p
define i64 @main.waitfor(ptr nest %ctx, ptr %p, i64 %n) uwtable {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %again ]
  %v = load atomic i64, ptr %p seq_cst, align 8
  %ok = icmp sge i64 %v, %n
  br i1 %ok, label %out, label %again
again:
  call void @rog_sleep(i64 1000000)
  %i1 = add i64 %i, 1
  %give = icmp sge i64 %i1, 5000
  br i1 %give, label %out, label %loop
out:
  ret i64 %v
}

define void @main.waiter(ptr nest %ctx) uwtable {
  call void @rog_semacquire(ptr @sem, i1 false, i32 4)
  atomicrmw add ptr @done, i64 1 seq_cst
  ret void
}

define void @main.locker(ptr nest %ctx) uwtable {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  call void @rog_semacquire(ptr @mu, i1 false, i32 1)
  %c = load i64, ptr @counter
  %c1 = add i64 %c, 1
  store i64 %c1, ptr @counter
  call void @rog_semrelease(ptr @mu)
  %i1 = add i64 %i, 1
  %more = icmp slt i64 %i1, 1000
  br i1 %more, label %loop, label %out
out:
  atomicrmw add ptr @done2, i64 1 seq_cst
  ret void
}

define void @main.condwaiter(ptr nest %ctx) uwtable {
  %t = call i32 @rog_notifylist_add(ptr @nl)
  atomicrmw add ptr @ready, i64 1 seq_cst
  call void @rog_notifylist_wait(ptr @nl, i32 %t)
  atomicrmw add ptr @woken, i64 1 seq_cst
  ret void
}

define void @main.f1(ptr nest %ctx) uwtable {
  store atomic i64 1, ptr @fired1 seq_cst, align 8
  ret void
}
define void @main.f2(ptr nest %ctx) uwtable {
  store atomic i64 1, ptr @fired2 seq_cst, align 8
  ret void
}
define void @main.f3(ptr nest %ctx) uwtable {
  atomicrmw add ptr @ticks, i64 1 seq_cst
  ret void
}

@main.waiter.f = private constant { ptr } { ptr @main.waiter }
@main.locker.f = private constant { ptr } { ptr @main.locker }
@main.condwaiter.f = private constant { ptr } { ptr @main.condwaiter }
@main.f1.f = private constant { ptr } { ptr @main.f1 }
@main.f2.f = private constant { ptr } { ptr @main.f2 }
@main.f3.f = private constant { ptr } { ptr @main.f3 }

define void @main.main(ptr nest %ctx) uwtable {
entry:
  ; semaphores as a WaitGroup: 4 waiters, released one by one
  call void @rog_newproc(ptr @main.waiter.f)
  call void @rog_newproc(ptr @main.waiter.f)
  call void @rog_newproc(ptr @main.waiter.f)
  call void @rog_newproc(ptr @main.waiter.f)
  call void @rog_sleep(i64 5000000)
  call void @rog_semrelease(ptr @sem)
  call void @rog_semrelease(ptr @sem)
  call void @rog_semrelease(ptr @sem)
  call void @rog_semrelease(ptr @sem)
  %d = call i64 @main.waitfor(ptr nest null, ptr @done, i64 4)
  call void @rog_printint(i64 %d)
  call void @rog_printsp()
  ; a semaphore as a mutex under contention: 8 goroutines x 1000 increments
  br label %spawn
spawn:
  %i = phi i64 [ 0, %entry ], [ %i1, %spawn ]
  call void @rog_newproc(ptr @main.locker.f)
  %i1 = add i64 %i, 1
  %more = icmp slt i64 %i1, 8
  br i1 %more, label %spawn, label %locked
locked:
  %d2 = call i64 @main.waitfor(ptr nest null, ptr @done2, i64 8)
  %cnt = load atomic i64, ptr @counter seq_cst, align 8
  call void @rog_printint(i64 %cnt)
  call void @rog_printnl()
  ; sync.Cond
  call void @rog_newproc(ptr @main.condwaiter.f)
  call void @rog_newproc(ptr @main.condwaiter.f)
  call void @rog_newproc(ptr @main.condwaiter.f)
  %r = call i64 @main.waitfor(ptr nest null, ptr @ready, i64 3)
  call void @rog_sleep(i64 2000000)
  %w0 = load atomic i64, ptr @woken seq_cst, align 8
  call void @rog_printint(i64 %w0)
  call void @rog_printsp()
  call void @rog_notifylist_notifyone(ptr @nl)
  %w1 = call i64 @main.waitfor(ptr nest null, ptr @woken, i64 1)
  call void @rog_sleep(i64 2000000)
  %w1b = load atomic i64, ptr @woken seq_cst, align 8
  call void @rog_printint(i64 %w1b)
  call void @rog_printsp()
  call void @rog_notifylist_notifyall(ptr @nl)
  %w3 = call i64 @main.waitfor(ptr nest null, ptr @woken, i64 3)
  call void @rog_printint(i64 %w3)
  call void @rog_printnl()
  ; timers
  %now = call i64 @rog_nanotime()
  %at10 = add i64 %now, 10000000
  %at5 = add i64 %now, 5000000
  %at1 = add i64 %now, 1000000
  %t1 = call ptr @rog_newtimer(i64 %at10, i64 0, ptr @main.f1.f)
  %t2 = call ptr @rog_newtimer(i64 %at5, i64 0, ptr @main.f2.f)
  %s2 = call i1 @rog_stoptimer(ptr %t2)
  %t3 = call ptr @rog_newtimer(i64 %at1, i64 1000000, ptr @main.f3.f)
  %f1 = call i64 @main.waitfor(ptr nest null, ptr @fired1, i64 1)
  %f2a = load atomic i64, ptr @fired2 seq_cst, align 8
  call void @rog_printbool(i1 %s2)
  call void @rog_printsp()
  call void @rog_printint(i64 %f1)
  call void @rog_printsp()
  call void @rog_printint(i64 %f2a)
  call void @rog_printsp()
  %now2 = call i64 @rog_nanotime()
  %at1b = add i64 %now2, 1000000
  %r2 = call i1 @rog_resettimer(ptr %t2, i64 %at1b, i64 0)
  call void @rog_printbool(i1 %r2)
  call void @rog_printsp()
  %f2 = call i64 @main.waitfor(ptr nest null, ptr @fired2, i64 1)
  call void @rog_printint(i64 %f2)
  call void @rog_printsp()
  %tk = call i64 @main.waitfor(ptr nest null, ptr @ticks, i64 3)
  %s3 = call i1 @rog_stoptimer(ptr %t3)
  %enough = icmp sge i64 %tk, 3
  call void @rog_printbool(i1 %enough)
  call void @rog_printsp()
  call void @rog_printbool(i1 %s3)
  call void @rog_printnl()
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
