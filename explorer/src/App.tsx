// The shell: header with nav and search, routes, footer naming the indexer.
import { BrowserRouter, NavLink, Route, Routes, Link } from 'react-router-dom';
import { apiBase } from './api.ts';
import { LiveProvider } from './live.tsx';
import { AccountPage, BlockPage, ExtrinsicPage, Home, SearchPage } from './pages/chain.tsx';
import { Dashboard, DashboardPicker } from './pages/dashboard.tsx';
import { ContributionPage, DatanetPage, Datanets, VersionPage, InferencePage, ModelPage, Models, NodePage, Nodes } from './pages/domain.tsx';
import { SearchBox } from './search.tsx';

const NAV: [string, string][] = [['/', 'Blocks'], ['/datanets', 'Datanets'], ['/models', 'Models'], ['/nodes', 'Nodes'], ['/dashboard', 'Dashboard']];

export function App() {
  return (
    <BrowserRouter>
      <LiveProvider>
        <a href="#main" className="skip">Skip to content</a>
        <header className="top">
          <Link to="/" className="brand">SLMnet <span>explorer</span></Link>
          <nav aria-label="Main">
            <ul>{NAV.map(([to, label]) => <li key={to}><NavLink to={to} end={to === '/'}>{label}</NavLink></li>)}</ul>
          </nav>
          <SearchBox />
        </header>
        <main id="main" tabIndex={-1}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/blocks/:id" element={<BlockPage />} />
            <Route path="/extrinsics/:id" element={<ExtrinsicPage />} />
            <Route path="/accounts/:address" element={<AccountPage />} />
            <Route path="/datanets" element={<Datanets />} />
            <Route path="/datanets/:id" element={<DatanetPage />} />
            <Route path="/datanets/:id/versions/:version" element={<VersionPage />} />
            <Route path="/contributions/:id" element={<ContributionPage />} />
            <Route path="/models" element={<Models />} />
            <Route path="/models/:id" element={<ModelPage />} />
            <Route path="/inferences/:id" element={<InferencePage />} />
            <Route path="/nodes" element={<Nodes />} />
            <Route path="/nodes/:id" element={<NodePage />} />
            <Route path="/dashboard" element={<DashboardPicker />} />
            <Route path="/dashboard/:address" element={<Dashboard />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="*" element={<p className="state empty">No such page. <Link to="/">Back to the latest blocks</Link>.</p>} />
          </Routes>
        </main>
        <footer className="foot">Indexer: <span className="mono">{apiBase()}</span> · <a href={`${apiBase()}/docs`}>API docs</a></footer>
      </LiveProvider>
    </BrowserRouter>
  );
}
