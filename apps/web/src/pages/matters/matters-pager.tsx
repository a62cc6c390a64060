import { Button } from 'react-aria-components';

interface MattersPagerProps {
  page: number;
  pageSize: number;
  total: number;
  totalIsLowerBound: boolean;
  onPage: (page: number) => void;
}

/** Previous and next page; a broad search's total is only a lower bound, so "next" stays while there may be more. */
export function MattersPager({ page, pageSize, total, totalIsLowerBound, onPage }: MattersPagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hasNext = page < pages || totalIsLowerBound;
  if (page === 1 && !hasNext) return null;
  return (
    <nav aria-label="Sidor" className="pager">
      <Button className="button button-small" isDisabled={page <= 1} onPress={() => onPage(page - 1)}>
        Föregående sida
      </Button>
      <span>{totalIsLowerBound ? `Sida ${page}` : `Sida ${page} av ${pages}`}</span>
      <Button className="button button-small" isDisabled={!hasNext} onPress={() => onPage(page + 1)}>
        Nästa sida
      </Button>
    </nav>
  );
}
