// Authoring the help center from the console (leads and admins): the tree, sections, article drafts as revisions,
// publish and unpublish (search index and follower notices in the same transaction).
import { err, type Result } from '../../src-shared/result';
import type { AgentCommand } from '../../src-shared/protocol/agent';
import type { HelpArticleDetail, HelpSection, HelpTree } from '../../src-shared/help-center';
import type { AgentActor, ServerContext } from '../context';

const building = () => err('internal', 'The help center is being built.');

export class HelpAuthoring {
  constructor(private readonly ctx: ServerContext) {}

  async tree(_actor: AgentActor): Promise<Result<HelpTree>> {
    return building();
  }
  async saveSection(_actor: AgentActor, _input: AgentCommand<'help:section:save'>): Promise<Result<HelpSection>> {
    return building();
  }
  async getArticle(_actor: AgentActor, _input: AgentCommand<'help:article:get'>): Promise<Result<HelpArticleDetail>> {
    return building();
  }
  async createArticle(_actor: AgentActor, _input: AgentCommand<'help:article:create'>): Promise<Result<HelpArticleDetail>> {
    return building();
  }
  async saveArticle(_actor: AgentActor, _input: AgentCommand<'help:article:save'>): Promise<Result<HelpArticleDetail>> {
    return building();
  }
  async publish(_actor: AgentActor, _input: AgentCommand<'help:article:publish'>): Promise<Result<HelpArticleDetail>> {
    return building();
  }
  async unpublish(_actor: AgentActor, _input: AgentCommand<'help:article:unpublish'>): Promise<Result<HelpArticleDetail>> {
    return building();
  }
}
