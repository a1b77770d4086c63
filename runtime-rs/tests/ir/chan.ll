; Channels: a producer goroutine sends 0..9999 on an unbuffered channel and closes it; main
; receives until closed. Then a select over two full buffered channels picks both cases.
target triple = "x86_64-unknown-linux-gnu"

%Type = type { i64, i64, i32, i8, i8, i8, i8, ptr, ptr, { ptr, i64 }, ptr }
%ChanType = type { %Type, ptr, i64 }

@.int = private constant [3 x i8] c"int"
@.chanint = private constant [8 x i8] c"chan int"
@.mask = private constant [1 x i8] c"\01"
@"type:int" = linkonce_odr constant %Type { i64 8, i64 0, i32 0, i8 2, i8 8, i8 8, i8 2, ptr null, ptr null, { ptr, i64 } { ptr @.int, i64 3 }, ptr null }
@"type:chan int" = linkonce_odr constant %ChanType { %Type { i64 8, i64 8, i32 0, i8 4, i8 8, i8 8, i8 18, ptr null, ptr @.mask, { ptr, i64 } { ptr @.chanint, i64 8 }, ptr null }, ptr @"type:int", i64 3 }

declare ptr @rog_alloc(i64, ptr)
declare void @rog_newproc(ptr)
declare ptr @rog_makechan(ptr, i64)
declare void @rog_chansend(ptr, ptr)
declare i1 @rog_chanrecv(ptr, ptr)
declare void @rog_closechan(ptr)
declare { i64, i64 } @rog_selectgo(ptr, i64, i1)
declare void @rog_printint(i64)
declare void @rog_printsp()
declare void @rog_printnl()

define void @main.producer(ptr nest %ctx) uwtable {
entry:
  %cp = getelementptr i8, ptr %ctx, i64 8
  %c = load ptr, ptr %cp
  %v = alloca i64
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  store i64 %i, ptr %v
  call void @rog_chansend(ptr %c, ptr %v)
  %i1 = add i64 %i, 1
  %d = icmp eq i64 %i1, 10000
  br i1 %d, label %out, label %loop
out:
  call void @rog_closechan(ptr %c)
  ret void
}

define void @main.main(ptr nest %ctx) uwtable {
entry:
  %c = call ptr @rog_makechan(ptr @"type:chan int", i64 0)
  %clo = call ptr @rog_alloc(i64 16, ptr null)
  store ptr @main.producer, ptr %clo
  %cp = getelementptr i8, ptr %clo, i64 8
  store ptr %c, ptr %cp
  call void @rog_newproc(ptr %clo)
  %v = alloca i64
  br label %recv
recv:
  %sum = phi i64 [ 0, %entry ], [ %sum1, %got ]
  %n = phi i64 [ 0, %entry ], [ %n1, %got ]
  %ok = call i1 @rog_chanrecv(ptr %c, ptr %v)
  br i1 %ok, label %got, label %closed
got:
  %x = load i64, ptr %v
  %sum1 = add i64 %sum, %x
  %n1 = add i64 %n, 1
  br label %recv
closed:
  call void @rog_printint(i64 %n)
  call void @rog_printsp()
  call void @rog_printint(i64 %sum)
  call void @rog_printnl()

  ; select fairness: two channels with 200 buffered values each, 200 selects
  %a = call ptr @rog_makechan(ptr @"type:chan int", i64 200)
  %b = call ptr @rog_makechan(ptr @"type:chan int", i64 200)
  store i64 7, ptr %v
  br label %fill
fill:
  %f = phi i64 [ 0, %closed ], [ %f1, %fill ]
  call void @rog_chansend(ptr %a, ptr %v)
  call void @rog_chansend(ptr %b, ptr %v)
  %f1 = add i64 %f, 1
  %fd = icmp eq i64 %f1, 200
  br i1 %fd, label %sel0, label %fill
sel0:
  %cases = alloca [2 x { ptr, ptr, i64 }]
  %c0 = getelementptr { ptr, ptr, i64 }, ptr %cases, i64 0
  store { ptr, ptr, i64 } undef, ptr %c0
  %c0c = getelementptr i8, ptr %c0, i64 0
  store ptr %a, ptr %c0c
  %c0e = getelementptr i8, ptr %c0, i64 8
  store ptr %v, ptr %c0e
  %c0d = getelementptr i8, ptr %c0, i64 16
  store i64 2, ptr %c0d
  %c1 = getelementptr { ptr, ptr, i64 }, ptr %cases, i64 1
  %c1c = getelementptr i8, ptr %c1, i64 0
  store ptr %b, ptr %c1c
  %c1e = getelementptr i8, ptr %c1, i64 8
  store ptr %v, ptr %c1e
  %c1d = getelementptr i8, ptr %c1, i64 16
  store i64 2, ptr %c1d
  br label %sel
sel:
  %k = phi i64 [ 0, %sel0 ], [ %k1, %sel ]
  %zeros = phi i64 [ 0, %sel0 ], [ %z1, %sel ]
  %r = call { i64, i64 } @rog_selectgo(ptr %cases, i64 2, i1 true)
  %idx = extractvalue { i64, i64 } %r, 0
  %is0 = icmp eq i64 %idx, 0
  %inc = zext i1 %is0 to i64
  %z1 = add i64 %zeros, %inc
  %k1 = add i64 %k, 1
  %kd = icmp eq i64 %k1, 200
  br i1 %kd, label %fair, label %sel
fair:
  %lo = icmp ugt i64 %z1, 60
  %hi = icmp ult i64 %z1, 140
  %both = and i1 %lo, %hi
  %bz = zext i1 %both to i64
  call void @rog_printint(i64 %bz)
  call void @rog_printnl()
  ; non-blocking select on an empty channel takes the default
  %e = call ptr @rog_makechan(ptr @"type:chan int", i64 0)
  store ptr %e, ptr %c0c
  %r2 = call { i64, i64 } @rog_selectgo(ptr %cases, i64 1, i1 false)
  %idx2 = extractvalue { i64, i64 } %r2, 0
  call void @rog_printint(i64 %idx2)
  call void @rog_printnl()
  ; a second close panics
  call void @rog_closechan(ptr %e)
  call void @rog_closechan(ptr %e)
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
