; Runs with the address space capped (small_address_space.ulimit, as under valgrind or `ulimit
; -v`): the 64 GiB heap reservation and the 64-stack arena are refused, so the heap falls back to
; a smaller arena and stacks to smaller mappings. The program churns through 96 MB of garbage
; (collections must reuse the smaller arena) while a goroutine, started and waited for three
; times in turn, adds to a counter.
target triple = "x86_64-unknown-linux-gnu"

@count = global i64 0
@rog_preempt_requested = external global i32

declare ptr @rog_alloc(i64, ptr)
declare void @rog_newproc(ptr)
declare void @rog_gosched()
declare void @rog_printint(i64)
declare void @rog_printsp()
declare void @rog_printnl()

define void @main.main.func1(ptr nest %ctx) uwtable {
  %x = alloca [512 x i64]
  store volatile i64 1, ptr %x
  atomicrmw add ptr @count, i64 1 seq_cst
  ret void
}

define void @main.main(ptr nest %ctx) uwtable {
entry:
  br label %churn
churn:
  %i = phi i64 [ 0, %entry ], [ %i1, %churn ]
  %acc = phi i64 [ 0, %entry ], [ %acc1, %churn ]
  %g = call ptr @rog_alloc(i64 48, ptr null)
  store i64 %i, ptr %g
  %v = load i64, ptr %g
  %acc1 = add i64 %acc, %v
  %i1 = add i64 %i, 1
  %d = icmp eq i64 %i1, 2000000
  br i1 %d, label %spawn, label %churn
spawn:
  %k = phi i64 [ 0, %churn ], [ %k1, %next ]
  %c = call ptr @rog_alloc(i64 8, ptr null)
  store ptr @main.main.func1, ptr %c
  call void @rog_newproc(ptr %c)
  %k1 = add i64 %k, 1
  br label %wait
wait:
  call void @rog_gosched()
  %n = load atomic i64, ptr @count seq_cst, align 8
  %done = icmp eq i64 %n, %k1
  br i1 %done, label %next, label %wait
next:
  %more = icmp ult i64 %k1, 3
  br i1 %more, label %spawn, label %out
out:
  call void @rog_printint(i64 %acc1)
  call void @rog_printsp()
  call void @rog_printint(i64 %n)
  call void @rog_printnl()
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
