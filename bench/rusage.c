/* rusage runs a command and writes what the kernel measured of it to a file: wall time, user
 * and system CPU time (all threads, microseconds) and peak resident set size (KiB), from
 * wait4(2). bench/run.mjs compiles it at start-up; GNU time gives the same figures but its CPU
 * times are rounded to 10 ms, too coarse for the quick runs.
 *
 *   rusage OUT COMMAND [ARG...]
 *
 * OUT receives one line "wall_us user_us sys_us maxrss_kib"; the exit status is the
 * command's (128 + signal number if a signal ended it, 127 if it could not be started). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long micros(struct timeval tv) { return tv.tv_sec * 1000000LL + tv.tv_usec; }

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: rusage OUT COMMAND [ARG...]\n");
    return 2;
  }
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t pid = fork();
  if (pid < 0) {
    perror("rusage: fork");
    return 127;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    perror("rusage: exec");
    _exit(127);
  }

  int status = 0;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) < 0) {
    perror("rusage: wait4");
    return 127;
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  long long wall = (end.tv_sec - start.tv_sec) * 1000000LL + (end.tv_nsec - start.tv_nsec) / 1000;

  FILE *out = fopen(argv[1], "w");
  if (out == NULL) {
    perror("rusage: open output");
    return 127;
  }
  fprintf(out, "%lld %lld %lld %ld\n", wall, micros(ru.ru_utime), micros(ru.ru_stime),
          ru.ru_maxrss);
  fclose(out);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
