// Checks whether the demo routes are mounted and says so on the page.
(async () => {
  const status = document.getElementById('echo-status');
  try {
    const response = await fetch('/echo?from=page', { headers: { 'Accept': 'application/json' } });
    if (response.ok) {
      const echo = await response.json();
      status.textContent = `/echo is mounted: it saw ${echo.headers.length} headers from this page.`;
      status.className = 'ok';
      document.getElementById('routes-hint').hidden = true;
    } else {
      status.textContent = `/echo answered ${response.status}: the demo routes are not mounted.`;
      status.className = 'missing';
    }
  } catch (error) {
    status.textContent = 'could not reach /echo';
    status.className = 'missing';
  }
})();
