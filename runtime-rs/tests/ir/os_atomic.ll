; The overlay's process and atomic entry points: argc/argv/environ, cpuid, atomics (inlined).
;   println(len(os.Args), os.Args[0] != "", environ[0] != nil, cpuid(0).eax > 0)
;   var x uint32 = 5; println(atomic.AddUint32(&x, 3), atomic.CompareAndSwapUint32(&x, 8, 1), x)
target triple = "x86_64-unknown-linux-gnu"

@x = global i32 5
@y = global i64 0
@cpu = global [4 x i32] zeroinitializer

declare i64 @rog_argc()
declare ptr @rog_argv()
declare ptr @rog_environ()
declare void @rog_cpuid(i32, i32, ptr)
declare i32 @rog_atomic_xadd32(ptr, i32)
declare i1 @rog_atomic_cas32(ptr, i32, i32)
declare i32 @rog_atomic_load32(ptr)
declare i64 @rog_atomic_xchg64(ptr, i64)
declare i64 @rog_atomic_load64(ptr)
declare void @rog_printint(i64)
declare void @rog_printbool(i1 zeroext)
declare void @rog_printsp()
declare void @rog_printnl()

define void @main.main(ptr nest %ctx) uwtable {
  %argc = call i64 @rog_argc()
  call void @rog_printint(i64 %argc)
  call void @rog_printsp()
  %argv = call ptr @rog_argv()
  %a0 = load ptr, ptr %argv
  %a0nn = icmp ne ptr %a0, null
  call void @rog_printbool(i1 %a0nn)
  call void @rog_printsp()
  %env = call ptr @rog_environ()
  %envnn = icmp ne ptr %env, null
  call void @rog_printbool(i1 %envnn)
  call void @rog_printsp()
  call void @rog_cpuid(i32 0, i32 0, ptr @cpu)
  %max = load i32, ptr @cpu
  %maxok = icmp ugt i32 %max, 0
  call void @rog_printbool(i1 %maxok)
  call void @rog_printnl()
  %n = call i32 @rog_atomic_xadd32(ptr @x, i32 3)
  %n64 = zext i32 %n to i64
  call void @rog_printint(i64 %n64)
  call void @rog_printsp()
  %ok = call i1 @rog_atomic_cas32(ptr @x, i32 8, i32 1)
  call void @rog_printbool(i1 %ok)
  call void @rog_printsp()
  %v = call i32 @rog_atomic_load32(ptr @x)
  %v64 = zext i32 %v to i64
  call void @rog_printint(i64 %v64)
  call void @rog_printsp()
  %old = call i64 @rog_atomic_xchg64(ptr @y, i64 7)
  %new = call i64 @rog_atomic_load64(ptr @y)
  %sum = add i64 %old, %new
  call void @rog_printint(i64 %sum)
  call void @rog_printnl()
  ret void
}

define void @__rog_program_main() uwtable {
  call void @main.main(ptr nest null)
  ret void
}
