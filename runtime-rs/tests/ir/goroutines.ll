; Starts 1000 goroutines that each yield, then add their index to a shared counter; main yields
; until all have finished and prints the count and the sum. Spinning main reaches safepoints.
target triple = "x86_64-unknown-linux-gnu"

@count = global i64 0
@sum = global i64 0
@rog_preempt_requested = external global i32

declare ptr @rog_alloc(i64, ptr)
declare void @rog_newproc(ptr)
declare void @rog_gosched()
declare void @rog_preempt()
declare void @rog_printint(i64)
declare void @rog_printsp()
declare void @rog_printnl()

define void @main.main.func1(ptr nest %ctx) uwtable {
  %ip = getelementptr i8, ptr %ctx, i64 8
  %i = load i64, ptr %ip
  call void @rog_gosched()
  %x = alloca [64 x i64]
  store volatile i64 %i, ptr %x
  atomicrmw add ptr @sum, i64 %i seq_cst
  atomicrmw add ptr @count, i64 1 seq_cst
  ret void
}

define void @main.main(ptr nest %ctx) uwtable {
entry:
  br label %spawn
spawn:
  %i = phi i64 [ 0, %entry ], [ %i1, %spawn ]
  %c = call ptr @rog_alloc(i64 16, ptr null)
  store ptr @main.main.func1, ptr %c
  %ip = getelementptr i8, ptr %c, i64 8
  store i64 %i, ptr %ip
  call void @rog_newproc(ptr %c)
  %i1 = add i64 %i, 1
  %d = icmp eq i64 %i1, 1000
  br i1 %d, label %wait, label %spawn
wait:
  ; a busy loop with a safepoint at its back-edge
  %n = load atomic i64, ptr @count seq_cst, align 8
  %all = icmp eq i64 %n, 1000
  br i1 %all, label %out, label %check
check:
  %f = load atomic i32, ptr @rog_preempt_requested monotonic, align 4
  %set = icmp ne i32 %f, 0
  br i1 %set, label %sp, label %wait
sp:
  call void @rog_preempt()
  br label %wait
out:
  %s = load i64, ptr @sum
  call void @rog_printint(i64 %n)
  call void @rog_printsp()
  call void @rog_printint(i64 %s)
  call void @rog_printnl()
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
