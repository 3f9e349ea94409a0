// Runs the built CLI bundle in this process (the very file the `mamori` bin is) and reports, on
// stderr's last line, the exit code and peak RSS, so the bench can measure memory without extra
// tools. The bin reads its arguments from process.argv.slice(2), which is the same here.
process.on('exit', (code) => {
  process.stderr.write(
    `\n@@bench ${JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS })}\n`,
  );
});
await import('../dist/bin/mamori.js');
