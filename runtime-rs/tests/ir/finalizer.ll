; Finalizers and MemStats:
;   type node struct { next *node; val int }
;   for i := 0; i < 100; i++ { p := new([2]int); runtime.SetFinalizer(p, fin) }  // unreachable
;   keep := list of 1000 nodes, one with a finalizer (reachable: must not run)
;   runtime.GC(); runtime.GC(); wait until the finalizer goroutine ran them
;   runtime.ReadMemStats(&ms): HeapObjects >= 1000, NumForcedGC == 2, NumGC >= 2
target triple = "x86_64-unknown-linux-gnu"

%Type = type { i64, i64, i32, i8, i8, i8, i8, ptr, ptr, { ptr, i64 }, ptr }

@.name = private constant [9 x i8] c"main.node"
@.mask = private constant [1 x i8] c"\01"
@"type:main.node" = linkonce_odr constant %Type { i64 16, i64 8, i32 0, i8 1, i8 8, i8 8, i8 25, ptr null, ptr @.mask, { ptr, i64 } { ptr @.name, i64 9 }, ptr null }

@count = global i64 0
@kept_ran = global i64 0
@keep = global ptr null
@ms = global [5776 x i8] zeroinitializer
@.fin = private constant [11 x i8] c"finalized: "
@.ms = private constant [11 x i8] c"memstats: \00"
@.ok = private constant [2 x i8] c"ok"
@.bad = private constant [3 x i8] c"bad"

declare ptr @rog_alloc(i64, ptr)
declare i1 @rog_setfinalizer(ptr, ptr)
declare void @rog_gc()
declare void @rog_gosched()
declare void @rog_sleep(i64)
declare void @rog_readmemstats(ptr)
declare void @rog_keepalive(ptr)
declare void @rog_printstring(ptr, i64)
declare void @rog_printint(i64)
declare void @rog_printnl()

define void @main.fin(ptr nest %ctx, ptr %obj) uwtable {
  atomicrmw add ptr @count, i64 1 seq_cst
  ret void
}
define void @main.finkept(ptr nest %ctx, ptr %obj) uwtable {
  store atomic i64 1, ptr @kept_ran seq_cst, align 8
  ret void
}
@main.fin.f = private constant { ptr } { ptr @main.fin }
@main.finkept.f = private constant { ptr } { ptr @main.finkept }

define void @main.garbage(ptr nest %ctx) uwtable noinline {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %p = call ptr @rog_alloc(i64 16, ptr null)
  %ok = call i1 @rog_setfinalizer(ptr %p, ptr @main.fin.f)
  %i1 = add i64 %i, 1
  %c = icmp slt i64 %i1, 100
  br i1 %c, label %loop, label %done
done:
  ret void
}

define void @main.build(ptr nest %ctx) uwtable noinline {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %l = phi ptr [ null, %entry ], [ %p, %loop ]
  %p = call ptr @rog_alloc(i64 16, ptr @"type:main.node")
  store ptr %l, ptr %p
  %i1 = add i64 %i, 1
  %c = icmp slt i64 %i1, 1000
  br i1 %c, label %loop, label %done
done:
  store ptr %p, ptr @keep
  %ok = call i1 @rog_setfinalizer(ptr %p, ptr @main.finkept.f)
  ret void
}

define void @main.main(ptr nest %ctx) uwtable {
entry:
  call void @main.build(ptr nest null)
  call void @main.garbage(ptr nest null)
  call void @rog_gc()
  call void @rog_gc()
  br label %wait
wait:
  %n = phi i64 [ 0, %entry ], [ %n1, %wait ]
  call void @rog_sleep(i64 1000000)
  %c = load atomic i64, ptr @count seq_cst, align 8
  %n1 = add i64 %n, 1
  %enough = icmp sge i64 %c, 90
  %timeout = icmp sge i64 %n1, 2000
  %stop = or i1 %enough, %timeout
  br i1 %stop, label %report, label %wait
report:
  %kr = load atomic i64, ptr @kept_ran seq_cst, align 8
  %fine = icmp eq i64 %kr, 0
  %good = and i1 %enough, %fine
  call void @rog_printstring(ptr @.fin, i64 11)
  br i1 %good, label %p1, label %p2
p1:
  call void @rog_printstring(ptr @.ok, i64 2)
  br label %stats
p2:
  call void @rog_printint(i64 %c)
  br label %stats
stats:
  call void @rog_printnl()
  call void @rog_readmemstats(ptr @ms)
  %hop = getelementptr i8, ptr @ms, i64 88
  %ho = load i64, ptr %hop
  %ngp = getelementptr i8, ptr @ms, i64 4288
  %ng = load i32, ptr %ngp
  %nfp = getelementptr i8, ptr @ms, i64 4292
  %nf = load i32, ptr %nfp
  %k = load ptr, ptr @keep
  call void @rog_keepalive(ptr %k)
  %a = icmp uge i64 %ho, 1000
  %b = icmp uge i32 %ng, 2
  %d = icmp eq i32 %nf, 2
  %ab = and i1 %a, %b
  %abd = and i1 %ab, %d
  call void @rog_printstring(ptr @.ms, i64 10)
  br i1 %abd, label %s1, label %s2
s1:
  call void @rog_printstring(ptr @.ok, i64 2)
  call void @rog_printnl()
  ret void
s2:
  call void @rog_printint(i64 %ho)
  call void @rog_printint(i64 0)
  %ng64 = zext i32 %ng to i64
  call void @rog_printint(i64 %ng64)
  %nf64 = zext i32 %nf to i64
  call void @rog_printint(i64 %nf64)
  call void @rog_printnl()
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
