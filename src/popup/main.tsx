import { render } from 'preact';

function App() {
  return <main>Glimpse</main>;
}

render(<App />, document.getElementById('app')!);
