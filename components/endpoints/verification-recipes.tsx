import { RECIPES } from "@/lib/verify/recipes";
import { CopyButton } from "@/components/ui/copy-button";

/**
 * The receiver recipes (lib/verify/recipes.ts), one disclosure per language. No hooks: the endpoint
 * page renders it on the server, the one-time secret dialog inside itself. The code reads the
 * secret from the receiver's environment (`CLOSIENT_WEBHOOK_SECRET`); it is never filled in.
 */
export function VerificationRecipes() {
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        Verify against the raw body exactly as received, before any JSON parsing. Each recipe reads the secret
        from <code>CLOSIENT_WEBHOOK_SECRET</code> and is tested against real deliveries, including a
        rotation&apos;s <code>v1old</code> and a stale timestamp.
      </p>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
        {RECIPES.map((recipe) => (
          <li key={recipe.id}>
            <details className="group">
              <summary className="flex min-h-10 cursor-pointer items-center justify-between gap-2 px-3 text-sm font-medium text-slate-800">
                <span>{recipe.label}</span>
                <span className="font-mono text-xs font-normal text-slate-600">{recipe.filename}</span>
              </summary>
              <div className="space-y-2 border-t border-slate-200 px-3 py-2">
                <CopyButton value={recipe.code} label={`the ${recipe.label} recipe`} />
                <pre
                  tabIndex={0}
                  aria-label={`${recipe.label} recipe`}
                  className="max-h-80 overflow-auto rounded bg-slate-100 p-3 font-mono text-xs leading-relaxed text-slate-800"
                >
                  <code>{recipe.code}</code>
                </pre>
              </div>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
