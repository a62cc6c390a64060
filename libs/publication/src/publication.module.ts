import { Module } from '@nestjs/common';
import { MattersModule } from '@namndrum/matters';
import { OparlController } from './oparl/oparl.controller';
import { OparlService } from './oparl/oparl.service';
import { PublicResourceInterceptor } from './public-resource';

/**
 * What the public reads without signing in: the municipality's pages, the anslagstavla, feeds and the
 * OParl API. Everything here shows published data only, masked by the same secrecy rules as every other path.
 */
@Module({
  imports: [MattersModule],
  controllers: [OparlController],
  providers: [PublicResourceInterceptor, OparlService],
})
export class PublicationModule {}
